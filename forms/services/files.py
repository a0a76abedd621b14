"""A submitted file handed to its reader, each opening logged."""

from __future__ import annotations

from django.core.files.storage import storages
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from ..models.submissions import FileDownloadLog, SubmissionFile


def file_download_log(*, attachment: SubmissionFile, user) -> None:
    FileDownloadLog.objects.create(
        user=user,
        username=user.get_username(),
        file=attachment,
        file_pk=attachment.pk,
        submission_pk=attachment.submission_id,
    )


# How long a presigned S3 link to a submitted file works.
PRESIGNED_SECONDS = 60


def file_response(*, attachment: SubmissionFile, user) -> HttpResponse:
    """A submitted file as a download for its reader, the opening logged.

    From local private storage it is streamed (``FileResponse`` reads it in blocks, so a
    large file never sits in memory). From S3 the answer is a redirect to a presigned URL
    that works for :data:`PRESIGNED_SECONDS`, so the file never passes through the site and
    the link is useless soon after. Either way it is sent as bytes to save, never rendered by
    the browser. Raises ``Http404`` when the stored file is gone (retention, erasure).
    """
    try:
        from storages.backends.s3 import S3Storage
    except ImportError:  # without the ``s3`` extra, files are local
        S3Storage = ()  # noqa: N806

    storage = storages["private"]  # what the file field's alias stands for now
    if isinstance(storage, S3Storage):
        disposition = content_disposition_header(
            as_attachment=True, filename=attachment.original_name
        )
        parameters = {
            "ResponseContentDisposition": disposition,
            "ResponseContentType": "application/octet-stream",
        }
        url = storage.url(attachment.file.name, parameters=parameters, expire=PRESIGNED_SECONDS)
        response = HttpResponseRedirect(url)
        # S3 learns nothing of the admin page the reader came from.
        response["Referrer-Policy"] = "no-referrer"
    else:
        try:
            handle = attachment.file.open("rb")
        except (FileNotFoundError, OSError):
            raise Http404(_("The file is no longer stored.")) from None
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=attachment.original_name,
            content_type="application/octet-stream",
        )
    file_download_log(attachment=attachment, user=user)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response

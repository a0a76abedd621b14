"""CVs and letters open only here: a recruiter's request, checked, logged, then the file.

From the local private storage the file is streamed (``FileResponse`` reads it in blocks,
so memory stays flat whatever its size). From S3 the answer is a redirect to a presigned URL
that works for :data:`PRESIGNED_SECONDS`, so the file never passes through the site and the
link is useless soon after. Each opening is written to ``forms.FileDownloadLog``, which the
``Privacy officers`` read under Inboxes › File downloads.
"""

from __future__ import annotations

from django.core.files.storage import storages
from django.http import Http404, HttpResponseRedirect
from django.utils.http import content_disposition_header
from django.views.decorators.cache import never_cache

from forms.services import file_download_log, file_stream

from .detail import application_or_404

# How long a presigned S3 link to a CV works.
PRESIGNED_SECONDS = 60


def _s3_storage(storage):
    try:
        from storages.backends.s3 import S3Storage
    except ImportError:  # pragma: no cover - django-storages is a dependency
        return None
    return storage if isinstance(storage, S3Storage) else None


@never_cache
def application_file_download(request, pk: int, file_pk: int):
    """One file of one application, for a recruiter; 404 for anyone else or anything else."""
    application = application_or_404(request, pk)
    attachment = application.submission.attachments.filter(pk=file_pk).first()
    if attachment is None:
        raise Http404
    s3 = _s3_storage(storages["private"])
    if s3 is not None:
        url = s3.url(
            attachment.file.name,
            parameters={
                "ResponseContentDisposition": content_disposition_header(
                    as_attachment=True, filename=attachment.original_name
                ),
                "ResponseContentType": "application/octet-stream",
            },
            expire=PRESIGNED_SECONDS,
        )
        file_download_log(attachment=attachment, user=request.user)
        response = HttpResponseRedirect(url)
    else:
        response = file_stream(attachment=attachment, user=request.user)
    response["Referrer-Policy"] = "no-referrer"
    return response

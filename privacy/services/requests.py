"""Data-subject requests: taken from the public page, confirmed by e-mail, answered by officers.

Every step an officer takes is written to Wagtail's log (the request's history in the admin),
with the actions registered in :mod:`privacy.request_admin`.
"""

from __future__ import annotations

import tempfile
from datetime import timedelta
from pathlib import Path

from django.core.files import File
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from .. import conf
from ..links import LinkExpired, absolute_url, link_load, link_sign, row_from_token, row_token
from ..models import (
    DataSubjectRequest,
    ReplyOutcome,
    RequestAnswer,
    RequestKind,
    RequestStatus,
)
from ..models.requests import one_month_after
from .access_report import access_answer_write
from .consent import normalise_email
from .mail import mail_send
from .recipients import request_recipients_list
from .request_deadlines import officers_notify
from .request_replies import reply_store
from .retention import RunReport
from .subjects import subject_erase, subject_export

CONFIRM_SALT = "privacy.request.confirm"
ANSWER_SALT = "privacy.request.answer"


def confirm_days() -> int:
    return conf.request_link_days()


def answer_days() -> int:
    return conf.answer_link_days()


def request_submit(*, kind: str, email: str, message: str, locale: str) -> DataSubjectRequest:
    """File a request and send the link that confirms the address; nothing else happens yet.

    An unconfirmed request is kept only as long as its link lives.
    """
    email = normalise_email(email)
    now = timezone.now()
    with transaction.atomic():
        request = DataSubjectRequest.objects.create(
            kind=kind,
            email=email,
            message=message,
            locale=locale,
            created_at=now,
            retain_until=now + timedelta(days=confirm_days()),
        )
        # The request's id only: the link carries no address (anyone holding it can decode it).
        token = row_token(salt=CONFIRM_SALT, row=request)
        url = absolute_url(name="privacy:request_confirm", locale=locale, kwargs={"token": token})
        transaction.on_commit(
            lambda: mail_send(
                template="privacy/email/request_confirm",
                to=[email],
                language=locale,
                context={
                    "request": request,
                    "confirm_url": url,
                    "days": confirm_days(),
                },
                answers_request=True,
            )
        )
    return request


def request_from_link(*, token: str) -> DataSubjectRequest:
    """The request a confirmation link was made for; raises ``LinkInvalid``/``LinkExpired``."""
    return row_from_token(
        salt=CONFIRM_SALT,
        token=token,
        queryset=DataSubjectRequest.objects.all(),
        max_age_days=confirm_days(),
    )


def request_confirm(*, request: DataSubjectRequest) -> DataSubjectRequest:
    """The address is proven: the request counts from now and is due one month later.

    Confirming twice changes nothing. The officers are told a request arrived, without its
    content: they read it in the admin (see :func:`officers_notify` for who is told).
    """
    with transaction.atomic():
        request = DataSubjectRequest.objects.select_for_update().get(pk=request.pk)
        if request.is_confirmed:
            return request
        now = timezone.now()
        request.confirmed_at = now
        request.due_date = one_month_after(now)
        request.status = RequestStatus.CONFIRMED
        request.retain_until = None
        request.save()
        log(instance=request, action="privacy.request.confirm")
        transaction.on_commit(
            lambda: officers_notify(request=request, template="privacy/email/request_received")
        )
    return request


def request_set_status(
    *, request: DataSubjectRequest, status: str, user=None
) -> DataSubjectRequest:
    """Move the request on; closing or rejecting it starts its three-year retention."""
    request.status = status
    request.retention_sync()
    if user is not None and request.handled_by_id is None:
        request.handled_by = user
    request.save()
    return request


def request_export_write(*, request: DataSubjectRequest, directory: str) -> Path:
    """Write the requester's export (privacy's ZIP) into ``directory``.

    An access request gets the readable answer (HTML, PDF, ``data.json``, the files under
    their own names); other kinds the export. An address that holds nothing gives an empty
    one, which is the answer too.
    """
    target = Path(directory) / f"export-{request.pk}.zip"
    if request.kind == RequestKind.ACCESS:
        # Access (art. 15) is answered readably; portability (art. 20) with the export.
        return access_answer_write(email=request.email, language=request.locale, path=target)
    return subject_export(email=request.email).write_zip(target)


def request_export_download(*, request: DataSubjectRequest, user, directory: str) -> Path:
    """The full export (every row, with its ids) for an officer to check before answering;
    the download is logged. The readable answer has its own screen."""
    _require_confirmed(request)
    path = subject_export(email=request.email).write_zip(
        Path(directory) / f"export-{request.pk}.zip"
    )
    log(instance=request, action="privacy.request.export", user=user)
    return path


def _require_confirmed(request: DataSubjectRequest) -> None:
    if not request.is_confirmed:
        raise ValueError("The request's address is not confirmed; nothing may be shown or done.")


def request_answer_send(*, request: DataSubjectRequest, user, note: str = "") -> RequestAnswer:
    """Put the export in private storage and mail the requester an expiring link to it.

    The file is never attached: a link that expires and can be logged is the safer channel,
    and retention deletes the file when the link has expired.
    """
    _require_confirmed(request)
    now = timezone.now()
    with tempfile.TemporaryDirectory() as directory:
        path = request_export_write(request=request, directory=directory)
        with transaction.atomic():
            answer = RequestAnswer(
                request=request, created_at=now, expires_at=now + timedelta(days=answer_days())
            )
            with path.open("rb") as handle:
                answer.file.save("export.zip", File(handle), save=False)
            answer.save()
            if request.status not in (RequestStatus.CLOSED, RequestStatus.REJECTED):
                request_set_status(request=request, status=RequestStatus.ANSWERED, user=user)
            log(instance=request, action="privacy.request.answer", user=user)
            token = link_sign(salt=ANSWER_SALT, payload={"a": answer.pk, "r": request.pk})
            url = absolute_url(
                name="privacy:request_answer", locale=request.locale, kwargs={"token": token}
            )
    # Sent once the link's file is stored for good; the message is kept with the request.
    reply_store(
        request=request,
        outcome=ReplyOutcome.PORTABILITY
        if request.kind == RequestKind.PORTABILITY
        else ReplyOutcome.ACCESS,
        note=note,
        user=user,
        context={"download_url": url, "expires_at": answer.expires_at},
        template="privacy/email/request_answer",
    )
    return answer


def answer_from_link(*, token: str) -> RequestAnswer:
    """The answer a download link was made for; raises ``LinkInvalid``/``LinkExpired``.

    A link whose file retention already removed is expired, whatever its signature says.
    """
    payload = link_load(salt=ANSWER_SALT, token=token, max_age_days=answer_days())
    answer = (
        RequestAnswer.objects.select_related("request")
        .filter(pk=payload.get("a"), request_id=payload.get("r"))
        .first()
    )
    if answer is None or answer.is_expired or not answer.file:
        raise LinkExpired
    return answer


def request_erase(*, request: DataSubjectRequest, user) -> RunReport:
    """Erase everything held about the requester except the request itself (the proof it
    was honoured, kept under ``privacy-request``); logged with the counts, never the data."""
    _require_confirmed(request)
    # Who received the data is known only while it is there: listed first (GDPR art. 19).
    request_recipients_list(request=request)
    # Not one transaction: files cannot be rolled back, so erasure commits as it goes and
    # logs what it did even when it stops half-way.
    report = subject_erase(email=request.email, keep=(DataSubjectRequest,))
    log(
        instance=request,
        action="privacy.request.erase",
        user=user,
        data={
            "rows": report.rows,
            "files": report.files,
            "hashed": report.hashed,
            "run_id": str(report.run_id),
        },
    )
    if request.status not in (RequestStatus.CLOSED, RequestStatus.REJECTED):
        request_set_status(request=request, status=RequestStatus.IN_PROGRESS, user=user)
    return report

"""The outbox: a mail is stored and queued by its row's id, then claimed, built, sent and
closed by the worker, tried again with back-off, or given up and listed for the officers."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from datetime import datetime, timedelta

from django.conf import settings
from django.db import DatabaseError, close_old_connections, connection, transaction
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.module_loading import import_string

from ... import conf
from ...models import MailStatus, OutgoingMail
from .context import MailObsolete, _attachment_freeze, _attachment_thaw, _freeze, _thaw
from .render import Attachment, mail_deliver, mail_message_id, mail_render

logger = logging.getLogger(__name__)


# The key under which the outbox row keeps the dotted path of its ``build`` function.
BUILD_KEY = "$build"


def mail_send(**kwargs) -> bool:
    """Queue a mail (see :func:`mail_queue`); False when there is nobody to send to."""
    return mail_queue(**kwargs) is not None


def mail_queue(
    *,
    to: str | Sequence[str],
    template: str,
    language: str,
    context: dict | None = None,
    attachments: Sequence[Attachment] = (),
    staff: bool = False,
    answers_request: bool = False,
    build: str = "",
    at: datetime | None = None,
) -> OutgoingMail | None:
    """Queue ``template`` for ``to`` in ``language``; None when there is nobody to send to.

    With ``at``, the mail leaves no earlier than then, and :func:`mail_cancel` may stop it
    until it does (a rejection HR can still undo).

    A mail to a person (the default) goes to that one address, with their preference centre
    in the footer. ``staff=True`` is a notice to colleagues: any number of addresses, no
    preference centre. Nothing goes to a person whose processing is restricted (GDPR
    art. 18) but the answers to their own request (``answers_request=True``). ``context`` may
    hold rows (stored as references, read again when the worker renders), dates, numbers,
    text, and lists and dicts of them. A mail server's failure is never raised: whatever the
    mail is about has been stored already, and its mail waits in the outbox until it leaves.

    ``build`` is the dotted path of a function the worker calls, in the recipient's
    language, with the context read back (``build(context) -> (context, attachments)``):
    what takes time to put together is built off the request, from the rows as they are when
    the mail leaves.
    """
    recipients = tuple(address for address in ([to] if isinstance(to, str) else to) if address)
    if not recipients:
        return None
    if not staff and len(recipients) != 1:
        raise ValueError("A mail to a person goes to that person alone.")
    if not staff and not answers_request:
        from ...selectors import subject_restricted

        if subject_restricted(email=recipients[0]):
            logger.info("The e-mail %s was not sent: processing is restricted", template)
            return None
    language = language or settings.LANGUAGE_CODE
    try:
        # A lazy translation in the context is read in the recipient's language.
        with translation.override(language):
            frozen = _freeze(context or {})
        if build:
            frozen[BUILD_KEY] = build
    except TypeError:
        logger.exception("The e-mail %s could not be queued", template)
        return None
    mail = OutgoingMail.objects.create(
        next_attempt_at=at or timezone.now(),
        template=template,
        language=language,
        staff=staff,
        subject_email="" if staff else recipients[0],
        recipients=list(recipients),
        context=frozen,
        attachments=[_attachment_freeze(attachment) for attachment in attachments],
    )
    mail_enqueue(mail=mail, at=at)
    return mail


def mail_cancel(*, mail_id) -> bool:
    """Stop a mail that has not left yet (see ``mail_queue(at=...)``); False once it has
    been tried, so nobody believes a mail stopped that may have reached the person."""
    return bool(
        OutgoingMail.objects.filter(pk=mail_id, status=MailStatus.QUEUED, attempts=0).update(
            status=MailStatus.DROPPED,
            subject_email="",
            recipients=[],
            context={},
            attachments=[],
            retain_until=timezone.now() + timedelta(days=conf.mail_keep_days()),
        )
    )


def mail_enqueue(*, mail: OutgoingMail, at: datetime | None = None) -> None:
    """Hand ``mail`` to the task queue by its id, now or (where the backend can) at ``at``."""
    from ...tasks import mail_deliver_task

    task = mail_deliver_task
    if at is not None:
        if not task.get_backend().supports_defer:
            return  # ``mail_requeue`` hands it over when it is due.
        task = task.using(run_after=at)
    task.enqueue(str(mail.pk))


def mail_attempt(*, mail_id: str) -> str:
    """Claim, render and send one queued mail; returns the status it is left in.

    A mail already sent, waiting for a later try, or being sent by a live worker is left
    alone, so a duplicate task sends nothing.
    """
    now = timezone.now()
    claimable = Q(status=MailStatus.QUEUED, next_attempt_at__lte=now) | Q(
        status=MailStatus.SENDING, claimed_until__lt=now
    )
    claimed = (
        OutgoingMail.objects.filter(claimable, pk=mail_id).update(
            status=MailStatus.SENDING,
            claimed_until=now + timedelta(seconds=conf.mail_claim_seconds()),
            attempts=F("attempts") + 1,
        )
        == 1
    )
    mail = OutgoingMail.objects.filter(pk=mail_id).first()
    if mail is None or not claimed:
        return mail.status if mail is not None else MailStatus.DROPPED
    try:
        context, attachments = _mail_build(mail)
        rendered = mail_render(
            to=tuple(mail.recipients),
            template=mail.template,
            language=mail.language,
            context=context,
            attachments=attachments,
            staff=mail.staff,
            message_id=mail_message_id(mail),
        )
    except MailObsolete:
        return _mail_close(mail, MailStatus.DROPPED)
    except Exception as error:
        logger.exception("The e-mail %s (%s) could not be rendered", mail.template, mail.pk)
        return _mail_close(mail, MailStatus.FAILED, error=_error_name(error), keep=True)
    try:
        mail_deliver(mail=rendered)
    except Exception as error:
        return _mail_retry_later(mail, error)
    return _mail_sent(mail)


def _mail_sent(mail: OutgoingMail) -> str:
    """Record that the mail left, waiting for the database while this worker's claim holds.

    The mail server has it: if the record failed on a database that is restarting, the
    claim would run out with the row still "sending" and another try would send it again.
    """
    until = mail.claimed_until or timezone.now()
    while True:
        try:
            return _mail_close(mail, MailStatus.SENT)
        except DatabaseError:
            if connection.in_atomic_block or timezone.now() >= until:
                raise
            logger.warning(
                "The e-mail %s (%s) left; recording it once the database answers", *_ids(mail)[:2]
            )
            close_old_connections()
            time.sleep(1)


def _mail_build(mail: OutgoingMail) -> tuple[dict, tuple[Attachment, ...]]:
    """The row's context and attachments, with what its ``build`` function adds."""
    context = _thaw(mail.context)
    attachments = tuple(_attachment_thaw(value) for value in mail.attachments)
    build = context.pop(BUILD_KEY, "")
    if build:
        with translation.override(mail.language):
            context, built = import_string(build)(context)
        attachments += tuple(built)
    return context, attachments


def _mail_retry_later(mail: OutgoingMail, error: Exception) -> str:
    # The template and the row name the mail; its subject and addresses stay out of the log.
    logger.warning(
        "The e-mail %s (%s) could not be sent, try %d: %s",
        mail.template,
        mail.pk,
        mail.attempts,
        _error_name(error),
    )
    delays = conf.mail_retry_delays()
    if mail.attempts > len(delays):
        logger.error("The e-mail %s (%s) was given up after %d tries", *_ids(mail))
        return _mail_close(mail, MailStatus.FAILED, error=_error_name(error), keep=True)
    at = timezone.now() + timedelta(seconds=delays[mail.attempts - 1])
    OutgoingMail.objects.filter(pk=mail.pk, status=MailStatus.SENDING).update(
        status=MailStatus.QUEUED,
        next_attempt_at=at,
        claimed_until=None,
        last_error=_error_name(error),
    )
    mail_enqueue(mail=mail, at=at)
    return MailStatus.QUEUED


def _ids(mail: OutgoingMail) -> tuple:
    return mail.template, mail.pk, mail.attempts


def _mail_close(mail: OutgoingMail, status: str, *, error: str = "", keep: bool = False) -> str:
    """Sent or dropped: forget the person. Failed (``keep``): keep what a retry needs, until
    an officer retries or discards it, or retention ends it."""
    now = timezone.now()
    values = {
        "status": status,
        "claimed_until": None,
        "last_error": error,
        "retain_until": now + timedelta(days=conf.mail_keep_days()),
    }
    if status == MailStatus.SENT:
        values["sent_at"] = now
    if not keep:
        values.update(subject_email="", recipients=[], context={}, attachments=[])
    OutgoingMail.objects.filter(pk=mail.pk, status=MailStatus.SENDING).update(**values)
    return status


def mail_retry(*, mail: OutgoingMail) -> bool:
    """An officer sends a mail that was given up once more, with a fresh round of tries."""
    with transaction.atomic():
        retried = OutgoingMail.objects.filter(pk=mail.pk, status=MailStatus.FAILED).update(
            status=MailStatus.QUEUED, attempts=0, next_attempt_at=timezone.now(), retain_until=None
        )
        if retried:
            mail_enqueue(mail=mail)
    return bool(retried)


def mail_discard(*, mail: OutgoingMail) -> bool:
    """An officer gives a mail up for good: what it held about the person goes now."""
    return bool(
        OutgoingMail.objects.filter(pk=mail.pk, status=MailStatus.FAILED).update(
            status=MailStatus.DROPPED, subject_email="", recipients=[], context={}, attachments=[]
        )
    )


def mail_requeue(*, now: datetime | None = None) -> int:
    """Hand the queue every mail that is due but may have no task: one whose worker died
    while sending it (its claim ran out), or waiting for a try the backend could not defer.

    Safe to run from any node at any time: a mail that already has its task is claimed by
    one of the two, and the other finds nothing to do.
    """
    now = now or timezone.now()
    due = OutgoingMail.objects.filter(
        Q(status=MailStatus.QUEUED, next_attempt_at__lte=now)
        | Q(status=MailStatus.SENDING, claimed_until__lt=now)
    )
    count = 0
    for mail in due.only("pk").iterator():
        mail_enqueue(mail=mail)
        count += 1
    return count


def _error_name(error: Exception) -> str:
    """The error's class and SMTP code: never its message, which may quote the address."""
    code = getattr(error, "smtp_code", None)
    name = type(error).__name__
    return f"{name} {code}" if code else name

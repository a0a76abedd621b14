"""The one way the plugins send e-mail: privacy's, the forms', careers' and events' alike.

:func:`mail_send` stores the mail in the outbox (:class:`privacy.models.OutgoingMail`), in
the caller's transaction, and enqueues the task that delivers it with the row's id alone: the
task queue never holds an address or a text. The worker (:func:`mail_attempt`) renders
``<template>_subject.txt``, ``_body.txt`` and ``_body.html`` in the recipient's language and
sends them as one multipart message (text, with HTML as its alternative), with attachments
such as an event's calendar file. A sender whose mail takes work to put together (its links,
its calendar file) names a ``build`` function instead of passing that work's result: the
request stores the rows' ids, and the worker builds the rest when it renders. Every mail ends with the footer that names its sender (the
controllers, in the mail's language) and links to the privacy policy; a mail to a person also
links to their own preference centre, while a notice to staff (an inbox's address, the
privacy officers) carries no such link, since they are not the person the mail is about.

A refused send is tried again later (``PRIVACY_MAIL_RETRY_DELAYS``), then listed for the
privacy officers as not delivered; the row's id is the mail's idempotency key and its
Message-ID, so no retry, duplicate task or restarted worker sends it twice.
"""

from __future__ import annotations

import base64
import dataclasses
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.apps import apps
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import DatabaseError, close_old_connections, connection, models, transaction
from django.db.models import F, Q
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.module_loading import import_string
from django.utils.safestring import mark_safe

from .. import conf
from ..models import MailStatus, OutgoingMail

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: str | bytes
    mimetype: str


@dataclass(frozen=True)
class Mail:
    """A rendered message, ready to hand to the mail backend."""

    template: str
    to: tuple[str, ...]
    subject: str
    text: str
    html: str
    attachments: tuple[Attachment, ...] = ()
    message_id: str = ""


class MailObsolete(Exception):
    """A row the mail was about is gone (erased, deleted) before the mail was rendered."""


# The key under which the outbox row keeps the dotted path of its ``build`` function.
BUILD_KEY = "$build"


def placeholders_fill(text: str, values: dict[str, str]) -> str:
    """``text`` an editor wrote for a mail with each ``{name}`` of ``values`` replaced by its
    value, and nothing else read as formatting (a stray brace stays as typed)."""
    for name, value in values.items():
        text = text.replace(f"{{{name}}}", value)
    return text


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
        from ..selectors import subject_restricted

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
    from ..tasks import mail_deliver_task

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


def mail_message_id(mail: OutgoingMail) -> str:
    """The same Message-ID on every try, so a receiving server can drop a repeat."""
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].strip("> ") or "localhost"
    return f"<{mail.pk}@{domain}>"


def mail_render(
    *,
    to: tuple[str, ...],
    template: str,
    language: str,
    context: dict,
    attachments: tuple[Attachment, ...] = (),
    staff: bool = False,
    message_id: str = "",
) -> Mail:
    """The message: subject on one line, text and HTML each ending with the footer."""
    from ..selectors import controller_name, privacy_policy_url
    from .preferences import preference_centre_url

    with translation.override(language):
        # A caller may leave the preference centre out ("preferences_url": ""): after an
        # erasure there is nothing left to manage, and no new link is made for the address.
        if "preferences_url" in context or staff:
            preferences_url = context.get("preferences_url", "")
        else:
            preferences_url = preference_centre_url(to[0], language)
        context = {
            **context,
            "language": language,
            "organisation": controller_name(language),
            "policy_url": _absolute(privacy_policy_url(language)),
            "preferences_url": preferences_url,
        }
        subject = " ".join(_render_text(f"{template}_subject.txt", context).split())
        text = _render_text(f"{template}_body.txt", context).strip()
        footer = _render_text("privacy/email/footer.txt", context).strip()
        html = render_to_string(
            "privacy/email/layout.html",
            {
                **context,
                "subject": subject,
                "body": mark_safe(render_to_string(f"{template}_body.html", context)),  # noqa: S308  # nosec B308 B703
            },
        )
    return Mail(
        template=template,
        to=to,
        subject=subject,
        text=f"{text}\n\n{footer}\n" if footer else f"{text}\n",
        html=html,
        attachments=attachments,
        message_id=message_id,
    )


def _absolute(url: str) -> str:
    """A link that works from a mailbox: the site's address in front of a path."""
    if url.startswith("/"):
        from .. import conf

        return f"{conf.site_base_url().rstrip('/')}{url}"
    return url


def _render_text(name: str, context: dict) -> str:
    """A plain-text template, never HTML-escaped: an ``&`` in a title stays an ``&``."""
    return get_template(name).template.render(Context(context, autoescape=False))


def mail_deliver(*, mail: Mail) -> None:
    """Hand ``mail`` to the mail backend; raises what the backend raised when it refused."""
    headers = {"Message-ID": mail.message_id} if mail.message_id else {}
    message = EmailMultiAlternatives(
        subject=mail.subject,
        body=mail.text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=mail.to,
        headers=headers,
    )
    message.attach_alternative(mail.html, "text/html")
    for attachment in mail.attachments:
        message.attach(attachment.filename, attachment.content, attachment.mimetype)
    message.send()


def _error_name(error: Exception) -> str:
    """The error's class and SMTP code: never its message, which may quote the address."""
    code = getattr(error, "smtp_code", None)
    name = type(error).__name__
    return f"{name} {code}" if code else name


# --- The context, as the outbox row keeps it ----------------------------------------------


def _freeze(value):
    """``value`` as JSON, with rows as references so the worker reads them as they are then."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, models.Model):
        if value.pk is None:
            raise TypeError(f"An unsaved {type(value).__name__} cannot travel with a mail.")
        return {"$model": value._meta.label_lower, "pk": value.pk}
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, Decimal):
        return {"$decimal": str(value)}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        # Templates read a dict's keys as they read attributes.
        return {
            field.name: _freeze(getattr(value, field.name)) for field in dataclasses.fields(value)
        }
    if isinstance(value, list | tuple):
        return [_freeze(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _freeze(item) for key, item in value.items()}
    raise TypeError(f"A {type(value).__name__} cannot travel with a mail.")


def _thaw(value):
    if isinstance(value, list):
        return [_thaw(item) for item in value]
    if not isinstance(value, dict):
        return value
    if "$model" in value:
        model = apps.get_model(value["$model"])
        instance = model._base_manager.filter(pk=value["pk"]).first()
        if instance is None:
            raise MailObsolete(value["$model"])
        return instance
    if "$datetime" in value:
        return datetime.fromisoformat(value["$datetime"])
    if "$date" in value:
        return date.fromisoformat(value["$date"])
    if "$decimal" in value:
        return Decimal(value["$decimal"])
    return {key: _thaw(item) for key, item in value.items()}


def _attachment_freeze(attachment: Attachment) -> dict:
    content = attachment.content
    if isinstance(content, bytes):
        return {
            "filename": attachment.filename,
            "mimetype": attachment.mimetype,
            "base64": base64.b64encode(content).decode("ascii"),
        }
    return {"filename": attachment.filename, "mimetype": attachment.mimetype, "text": content}


def _attachment_thaw(value: dict) -> Attachment:
    content = base64.b64decode(value["base64"]) if "base64" in value else value["text"]
    return Attachment(value["filename"], content, value["mimetype"])

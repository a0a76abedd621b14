"""The one way the plugins send e-mail: privacy's, the forms', careers' and events' alike.

:func:`mail_send` renders ``<template>_subject.txt``, ``_body.txt`` and ``_body.html`` in the
recipient's language and sends them as one multipart message (text, with HTML as its
alternative), with attachments such as an event's calendar file. A mail to a person ends with
the footer that links to their own preference centre, as the privacy policy promises of every
e-mail the site sends; a notice to staff (an inbox's address, the privacy officers) carries no
such link, since they are not the person the mail is about.

Rendering happens at once, while the rows it reads are as the mail describes them; delivery
is :func:`mail_deliver`, the only caller of Django's mail classes. Its argument is plain data,
so moving delivery onto a task queue changes that one function.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: str | bytes
    mimetype: str


@dataclass(frozen=True)
class Mail:
    """A rendered message, ready to hand to the mail backend (or a queue)."""

    template: str
    to: tuple[str, ...]
    subject: str
    text: str
    html: str
    attachments: tuple[Attachment, ...] = ()


def mail_send(
    *,
    to: str | Sequence[str],
    template: str,
    language: str,
    context: dict | None = None,
    attachments: Sequence[Attachment] = (),
    staff: bool = False,
    answers_request: bool = False,
) -> bool:
    """Render ``template`` for ``to`` in ``language`` and send it; False when it did not go.

    A mail to a person (the default) goes to that one address, with their preference centre
    in the footer. ``staff=True`` is a notice to colleagues: any number of addresses, no
    preference centre. Nothing goes to a person whose processing is restricted (GDPR
    art. 18) but the answers to their own request (``answers_request=True``). A failure is
    logged and never raised: whatever the mail is about has
    been stored already, and must not be undone by a mail server.
    """
    recipients = tuple(address for address in ([to] if isinstance(to, str) else to) if address)
    if not recipients:
        return False
    if not staff and len(recipients) != 1:
        raise ValueError("A mail to a person goes to that person alone.")
    if not staff and not answers_request:
        from ..selectors import subject_restricted

        if subject_restricted(email=recipients[0]):
            logger.info("The e-mail %s was not sent: processing is restricted", template)
            return False
    try:
        mail = mail_render(
            to=recipients,
            template=template,
            language=language or settings.LANGUAGE_CODE,
            context=context or {},
            attachments=tuple(attachments),
            staff=staff,
        )
    except Exception:
        logger.exception("The e-mail %s could not be rendered", template)
        return False
    return mail_deliver(mail=mail)


def mail_render(
    *,
    to: tuple[str, ...],
    template: str,
    language: str,
    context: dict,
    attachments: tuple[Attachment, ...] = (),
    staff: bool = False,
) -> Mail:
    """The message: subject on one line, text and HTML each ending with the footer."""
    from ..selectors import controller_name
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
            "organisation": controller_name(),
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
    )


def _render_text(name: str, context: dict) -> str:
    """A plain-text template, never HTML-escaped: an ``&`` in a title stays an ``&``."""
    return get_template(name).template.render(Context(context, autoescape=False))


def mail_deliver(*, mail: Mail) -> bool:
    """Hand ``mail`` to the mail backend; False (and logged) when it refused it."""
    message = EmailMultiAlternatives(
        subject=mail.subject, body=mail.text, from_email=settings.DEFAULT_FROM_EMAIL, to=mail.to
    )
    message.attach_alternative(mail.html, "text/html")
    for attachment in mail.attachments:
        message.attach(attachment.filename, attachment.content, attachment.mimetype)
    try:
        message.send()
    except Exception:
        # The template names the mail; its subject and addresses stay out of the log.
        logger.exception("The e-mail %s could not be sent", mail.template)
        return False
    return True

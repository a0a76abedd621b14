"""A mail as it leaves: rendered in the recipient's language with the footer, then handed to
the mail backend."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from ...models import OutgoingMail


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


def placeholders_fill(text: str, values: dict[str, str]) -> str:
    """``text`` an editor wrote for a mail with each ``{name}`` of ``values`` replaced by its
    value, and nothing else read as formatting (a stray brace stays as typed)."""
    for name, value in values.items():
        text = text.replace(f"{{{name}}}", value)
    return text


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
    from ...selectors import controller_name, privacy_policy_url
    from ..preferences import preference_centre_url

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
        from ... import conf

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

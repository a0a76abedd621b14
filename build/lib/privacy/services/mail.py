"""E-mails privacy sends to people: plain text and HTML, in the person's language."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


def mail_send(*, template: str, to: list[str], locale: str, context: dict) -> None:
    """Send ``privacy/email/<template>_subject.txt``, ``_body.txt`` and ``_body.html``.

    Rendered under ``locale`` so the subject, the body and the links all speak the
    person's language.
    """
    with translation.override(locale):
        context = {**context, "locale": locale}
        subject = render_to_string(f"privacy/email/{template}_subject.txt", context)
        text = render_to_string(f"privacy/email/{template}_body.txt", context)
        html = render_to_string(f"privacy/email/{template}_body.html", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()), body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=to
    )
    message.attach_alternative(html, "text/html")
    message.send()

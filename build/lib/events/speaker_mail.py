"""The e-mail that gives a speaker their link to a training's registration list."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from privacy.links import absolute_url

from .links import speaker_link_token

logger = logging.getLogger(__name__)


def speaker_link_url(*, link, locale: str) -> str:
    return absolute_url(
        name="events_speakers:speaker_list",
        locale=locale,
        kwargs={"token": speaker_link_token(link)},
    )


def speaker_link_mail(*, link, locale: str) -> bool:
    """Send the link in ``locale``; False (and logged) when the mail server refused it."""
    event = link.event
    target = _locale(locale)
    page = (event.get_translation_or_none(target) if target else None) or event
    context = {
        "link": link,
        "page": page,
        "event": event,
        "url": speaker_link_url(link=link, locale=locale),
    }
    with translation.override(locale):
        subject = render_to_string("events/email/speaker_link_subject.txt", context)
        body = render_to_string("events/email/speaker_link_body.txt", context)
    message = EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[link.email],
    )
    try:
        message.send()
    except Exception:
        logger.exception("The speaker link %s could not be sent", link.pk)
        return False
    return True


def _locale(code: str):
    from wagtail.models import Locale

    return Locale.objects.filter(language_code=code).first()

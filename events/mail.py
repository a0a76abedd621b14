"""E-mails to registrants, in the language of the page they registered on.

Every message carries the signed links to cancel and to change the participant-list and
photo choices, and the privacy preference centre's link. A confirmed seat comes with the
calendar file, which (unlike the page's) holds the online link.
"""

from __future__ import annotations

import logging
from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from privacy.services.preferences import preference_centre_url

from . import conf
from .ics import calendar_filename, calendar_text

logger = logging.getLogger(__name__)


def page_in_language(registration):
    """The event page the person filled in (their language), else the source page."""
    from .models import EventPage

    submission = registration.submission
    page = None
    if submission.translation_page_id:
        page = EventPage.objects.filter(pk=submission.translation_page_id).first()
    return page or registration.event


def _send(*, registration, template: str, extra: dict | None = None) -> None:
    from .links import registration_urls
    from .selectors import waiting_position

    submission = registration.submission
    email = submission.subject_email
    if not email:
        return
    locale = submission.locale or settings.LANGUAGE_CODE
    page = page_in_language(registration)
    source = registration.event
    context = {
        "registration": registration,
        "page": page,
        "event": source,
        "first_name": registration.answer("first_name"),
        "page_url": urljoin(conf.site_base_url(), page.get_url() or ""),
        "links": registration_urls(registration, locale),
        "preferences_url": preference_centre_url(email, locale),
        "position": waiting_position(registration=registration),
        "online_url": source.online_url if registration.is_confirmed else "",
        **(extra or {}),
    }
    with translation.override(locale):
        subject = render_to_string(f"events/email/{template}_subject.txt", context)
        body = render_to_string(f"events/email/{template}_body.txt", context)
        message = EmailMessage(
            subject=" ".join(subject.split()),
            body=body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[email],
        )
        if registration.is_confirmed:
            message.attach(
                calendar_filename(page),
                calendar_text(page=page, private=True),
                "text/calendar; charset=utf-8; method=PUBLISH",
            )
    try:
        message.send()
    except Exception:
        # The registration is stored either way; the links are in the admin's hands too.
        logger.exception("Mail %s for registration %s could not be sent", template, registration.pk)


def registration_confirmation(*, registration, resent: bool = False) -> None:
    """Your seat, or your place on the waiting list (again, when ``resent``)."""
    _send(registration=registration, template="confirmation", extra={"resent": resent})


def registration_promoted(*, registration) -> None:
    """A seat came free: you moved up from the waiting list."""
    _send(registration=registration, template="promoted")


def registration_cancelled(*, registration) -> None:
    _send(registration=registration, template="cancelled")

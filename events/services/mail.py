"""E-mails events sends: to registrants and to speakers, through privacy's one sender.

A registrant's mail is in the language of the page they registered on and carries the
signed links to cancel and to change the participant-list and photo choices; a confirmed
seat comes with the calendar file, which (unlike the page's) holds the online link.
"""

from __future__ import annotations

from django.utils import translation

from forms.selectors import page_in_language
from forms.services import record_mail_queue
from privacy.services.mail import Attachment, mail_send

from ..ics import calendar_filename, calendar_text


def registration_mail_send(*, registration, template: str, **extra) -> bool:
    """Queue a registrant's mail with the registration's id (forms' record mail): the worker
    builds the rest (:func:`registration_mail_build`), so the request only stores the outbox
    row.

    ``template`` names the mail: ``confirmation``, your seat or your place on the waiting
    list (again, with ``resent=True``); ``promoted``, you moved up from the waiting list (a
    seat came free, or the organisers made room: ``by_organiser=True``); ``cancelled``, your
    registration is cancelled (by you, or by the organisers as you asked them:
    ``on_behalf=True``).
    """
    queued = record_mail_queue(
        record=registration,
        template=f"events/email/{template}",
        build="events.services.mail.registration_mail_build",
        **extra,
    )
    return queued is not None


def registration_mail_build(context: dict) -> tuple[dict, list[Attachment]]:
    """In the worker, in the mail's language: the page the person registered on, their
    links, their place on the waiting list, and for a confirmed seat the calendar file."""
    from ..registration_form import audience_text
    from ..selectors import waiting_position
    from .links import registration_urls

    registration = context["registration"]
    page = registration.submission.page_filled_in() or registration.event
    source = registration.event
    attachments = []
    if registration.is_confirmed:
        text = calendar_text(page=page, private=True)
        mimetype = "text/calendar; charset=utf-8; method=PUBLISH"
        attachments.append(Attachment(calendar_filename(page), text, mimetype))
    context = {
        **context,
        "page": page,
        "event": source,
        "first_name": registration.answer("first_name"),
        "page_url": page.get_full_url(),
        "links": registration_urls(registration, translation.get_language()),
        "position": waiting_position(registration=registration),
        "online_url": source.online_url if registration.is_confirmed else "",
        # Who sees the list, in the form's words and the mail's language.
        "audience": str(audience_text(source)),
    }
    return context, attachments


def speaker_link_mail(*, link, locale: str) -> bool:
    """Send a speaker their link in ``locale``; False (and logged) when it did not go."""
    from .links import SPEAKER

    event = link.event
    page = page_in_language(event, locale)
    return mail_send(
        to=link.email,
        template="events/email/speaker_link",
        language=locale,
        context={
            "link": link,
            "page": page,
            "event": event,
            "url": SPEAKER.url(link, locale=locale),
        },
    )

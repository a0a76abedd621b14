"""The events API: an event's participant list, for the same audience as the page.

An event's editor chooses who sees its list (``participant_list``): nobody (404, as if there
were no list), its confirmed participants (the default: the request carries the token of
the link in their confirmation e-mail as ``Authorization: Bearer <token>``, else 403), or
everyone. The list lasts as long as the event: an ended event answers an empty list with
``ended`` set. A participant who objects leaves the list with their very next request:
nothing is cached, and nothing here is for search engines.
"""

from __future__ import annotations

from dataclasses import asdict

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from ninja.security import HttpBearer

from forms.api import MAX_PAGE_ID
from forms.schemas import DetailOut, ErrorsOut
from privacy.links import LinkInvalid

from .models import EventPage
from .selectors import participants_listed
from .services.links import registration_from_token

router = Router(tags=["events"])


class ParticipantOut(Schema):
    first_name: str
    last_name: str
    function: str


class ParticipantListOut(Schema):
    event: int = Field(description="The event page asked for (any of its translations).")
    title: str
    audience: str = Field(
        description="Who sees the list: participants (confirmed participants, with their "
        "token) or public."
    )
    ended: bool = Field(description="True once the event has ended: the list is taken down.")
    participants: list[ParticipantOut] = Field(
        description=(
            "Confirmed participants who confirmed their address and did not object, by "
            "name; first name, name and function only."
        )
    )


def listed_event(page_id: int) -> EventPage:
    """The live, public event page ``page_id`` that has a participant list, or 404."""
    if not 1 <= page_id <= MAX_PAGE_ID:
        raise HttpError(404, _("No participant list with this id."))
    page = EventPage.objects.live().public().filter(pk=page_id).first()
    if page is None or not page.get_source_page().has_participant_list:
        # An event without a list and a page that is no event answer alike.
        raise HttpError(404, _("No participant list with this id."))
    return page


class RegistrationLinkToken(HttpBearer):
    """``Authorization: Bearer <token>``, the token of a registrant's link: its registration,
    or None (no token, or one that names no registration)."""

    def authenticate(self, request: HttpRequest, token: str):
        try:
            return registration_from_token(token.strip())
        except LinkInvalid:
            return None


def _participant_of(request: HttpRequest, event: EventPage) -> bool:
    """Whether the request carries the link token of a confirmed participant of ``event``."""
    registration = RegistrationLinkToken()(request)
    return (
        registration is not None and registration.event_id == event.pk and registration.is_confirmed
    )


@router.get(
    "/{page_id}/participants",
    response={200: ParticipantListOut, 400: ErrorsOut, 403: DetailOut, 404: DetailOut},
    summary="An event's participant list",
    url_name="event_participants",
)
def event_participants(request: HttpRequest, response: HttpResponse, page_id: int):
    """The confirmed participants of an event: first name, name and function.

    For a list shown to confirmed participants (the default), send the token of the link in
    a confirmation e-mail as ``Authorization: Bearer <token>``; without it, or with another
    event's, 403. A public list needs none. Those who objected (GDPR art. 21) are left out
    from the moment they object; once the event has ended the list is empty. 404 when the
    page is no live event or has no list.
    """
    page = listed_event(page_id)
    source = page.get_source_page()
    if not source.participant_list_is_public and not _participant_of(request, source):
        raise HttpError(
            403,
            _(
                "This participant list is for the event's confirmed participants: send the "
                "token of the link in your confirmation e-mail."
            ),
        )
    body = {
        "event": page.pk,
        "title": page.title,
        "audience": source.participant_list,
        "ended": source.is_past(),
        "participants": [asdict(person) for person in participants_listed(event=source)],
    }
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return body

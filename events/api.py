"""The events API: an event's public participant list.

The list is public by the event's own choice (``participant_list_public``) and for as long as
the event lasts: an event whose list is not public answers 404 as if there were no list, and
an ended event answers an empty list with ``ended`` set, since the list was taken down. A
participant who objects leaves the list with their very next request: nothing is cached.
"""

from __future__ import annotations

from dataclasses import asdict

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from forms.api import MAX_PAGE_ID
from forms.schemas import DetailOut, ErrorsOut

from .models import EventPage
from .selectors import participants_public

router = Router(tags=["events"])


class ParticipantOut(Schema):
    first_name: str
    last_name: str
    function: str


class ParticipantListOut(Schema):
    event: int = Field(description="The event page asked for (any of its translations).")
    title: str
    ended: bool = Field(description="True once the event has ended: the list is taken down.")
    participants: list[ParticipantOut] = Field(
        description=(
            "Confirmed participants who did not object, by name; first name, name and "
            "function only."
        )
    )


def public_event(page_id: int) -> EventPage:
    """The live, public event page ``page_id`` whose participant list is public, or 404."""
    if not 1 <= page_id <= MAX_PAGE_ID:
        raise HttpError(404, _("No public participant list with this id."))
    page = EventPage.objects.live().public().filter(pk=page_id).first()
    if page is None or not page.get_source_page().participant_list_public:
        # An event without a public list and a page that is no event answer alike.
        raise HttpError(404, _("No public participant list with this id."))
    return page


@router.get(
    "/{page_id}/participants",
    response={200: ParticipantListOut, 400: ErrorsOut, 404: DetailOut},
    summary="An event's public participant list",
    url_name="event_participants",
)
def event_participants(request: HttpRequest, response: HttpResponse, page_id: int):
    """The confirmed participants of a public event: first name, name and function.

    Those who objected (GDPR art. 21) are left out from the moment they object; once the
    event has ended the list is empty. 404 when the page is no live event or its list is not
    public.
    """
    page = public_event(page_id)
    source = page.get_source_page()
    body = {
        "event": page.pk,
        "title": page.title,
        "ended": source.is_past(),
        "participants": [asdict(person) for person in participants_public(event=source)],
    }
    add_never_cache_headers(response)
    return body

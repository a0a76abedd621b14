"""The event's calendar file (RFC 5545): offered on the page, attached to confirmations.

Written by forms' one calendar writer (:mod:`forms.calendar`); here, what an event's entry
holds.
"""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.html import strip_tags

from forms import calendar


def calendar_text(*, page, private: bool = False, request=None) -> str:
    """The VCALENDAR of ``page`` (any translation); ``private`` adds the online link, which
    only registrants receive."""
    source = page.get_source_page()
    return calendar.calendar_text(
        uid=f"event-{source.pk}",
        stamp=source.latest_revision_created_at or source.start,
        start=source.start,
        end=source.end,
        summary=page.title,
        description=" ".join(strip_tags(page.description).split()),
        url=page.get_full_url(request) or "",
        location=page.place_line,
        conference=source.online_url if private else "",
        product="events",
    )


def calendar_filename(page) -> str:
    return calendar.calendar_filename(page.slug or page.title, default="event")


def calendar_response(*, page, request) -> HttpResponse:
    text = calendar_text(page=page, request=request)
    return calendar.calendar_response(text, filename=calendar_filename(page))

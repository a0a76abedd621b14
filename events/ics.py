"""The event's calendar file (RFC 5545): offered on the page, attached to confirmations."""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import urlsplit

from django.http import HttpResponse
from django.utils.html import strip_tags
from django.utils.text import slugify


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    # Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1).
    data = line.encode()
    if len(data) <= 75:
        return line
    parts, current = [], b""
    for char in line:
        encoded = char.encode()
        if len(current) + len(encoded) > (75 if not parts else 74):
            parts.append(current.decode())
            current = b""
        current += encoded
    parts.append(current.decode())
    return "\r\n ".join(parts)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar_text(*, page, private: bool = False, request=None) -> str:
    """The VCALENDAR of ``page`` (any translation); ``private`` adds the online link, which
    only registrants receive."""
    source = page.get_source_page()
    url = page.get_full_url(request) or ""
    host = urlsplit(url).hostname or "localhost"
    location = page.place_line
    description = " ".join(strip_tags(page.description).split())
    if private and source.online_url:
        description = f"{description}\n\n{source.online_url}".strip()
    description = f"{description}\n\n{url}".strip()
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//chamber-website//events//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:event-{source.pk}@{host}",
        f"DTSTAMP:{_stamp(source.latest_revision_created_at or source.start)}",
        f"DTSTART:{_stamp(source.start)}",
        f"DTEND:{_stamp(source.end)}",
        f"SUMMARY:{_escape(page.title)}",
        f"DESCRIPTION:{_escape(description)}",
        f"URL:{url}",
    ]
    if location:
        lines.append(f"LOCATION:{_escape(location)}")
    if private and source.online_url:
        lines.append(f"CONFERENCE;VALUE=URI:{source.online_url}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def calendar_filename(page) -> str:
    return f"{slugify(page.slug or page.title) or 'event'}.ics"


def calendar_response(*, page, request) -> HttpResponse:
    text = calendar_text(page=page, request=request)
    response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{calendar_filename(page)}"'
    return response

"""Calendar files (RFC 5545) for what a form books: an event a registrant has a seat at, an
appointment an applicant is invited to.

One writer, so every file escapes its text and folds its long lines alike, and every calendar
program reads it; the app says what its entry is (its uid, times, words and address).
"""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import urlsplit

from django.http import HttpResponse
from django.utils.text import slugify

CONTENT_TYPE = "text/calendar; charset=utf-8"


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


def calendar_text(
    *,
    uid: str,
    stamp: datetime,
    start: datetime,
    end: datetime,
    summary: str,
    description: str,
    url: str,
    location: str = "",
    conference: str = "",
    product: str = "forms",
) -> str:
    """A VCALENDAR holding one VEVENT.

    ``uid`` names the entry for good (a second file updates the first), made unique by the
    host of ``url``; ``stamp`` is when it last changed. ``conference`` is the address of an
    online meeting, for those who may join it only. The description ends with the online
    address and the page's, for calendar programs that show neither field.
    """
    host = urlsplit(url).hostname or "localhost"
    description = "\n\n".join(part for part in (description, conference, url) if part)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//chamber-website//{product}//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{uid}@{host}",
        f"DTSTAMP:{_stamp(stamp)}",
        f"DTSTART:{_stamp(start)}",
        f"DTEND:{_stamp(end)}",
        f"SUMMARY:{_escape(summary)}",
        f"DESCRIPTION:{_escape(description)}",
        f"URL:{url}",
    ]
    if location:
        lines.append(f"LOCATION:{_escape(location)}")
    if conference:
        lines.append(f"CONFERENCE;VALUE=URI:{conference}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def calendar_filename(name: str, *, default: str) -> str:
    """``name`` as the file's name (``default`` when nothing of it is left)."""
    return f"{slugify(name) or default}.ics"


def calendar_response(text: str, *, filename: str) -> HttpResponse:
    """The calendar file to download (``text`` from :func:`calendar_text`)."""
    response = HttpResponse(text, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

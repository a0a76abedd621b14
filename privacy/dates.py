"""The one way a date, a moment or a span of time is written to a person.

Django's format strings cover the order of day, month and year, but not every language's
rules: French writes the first day of a month as an ordinal ("1er janvier 2027"), and an
evening event is "23 December 2026, 19:00–22:00", not the date twice. Templates, e-mails and
exports call these functions (or the ``privacy_tags`` filters) so that a list, its detail page
and the mail about it say the same thing, in the same time zone (the site's).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta

from django.utils import formats, timezone, translation

_FIRST_DAY = re.compile(r"^1(?=\D)")


def _local(value: date | datetime) -> date | datetime:
    if isinstance(value, datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def _ordinal_first(text: str, day: int) -> str:
    """French calls the first day of a month "1er"; the other languages write "1"."""
    if day == 1 and (translation.get_language() or "").startswith("fr"):
        return _FIRST_DAY.sub("1er", text)
    return text


def date_in_words(value: date | datetime | None) -> str:
    """A date: "1 January 2027", "1 januari 2027", "1er janvier 2027"; '' for none."""
    if value is None:
        return ""
    value = _local(value)
    return _ordinal_first(formats.date_format(value, "DATE_FORMAT"), value.day)


def moment_in_words(value: datetime | None) -> str:
    """A moment in the site's time zone: "23 December 2026, 19:00"; '' for none."""
    if value is None:
        return ""
    value = _local(value)
    return _ordinal_first(formats.date_format(value, "DATETIME_FORMAT"), value.day)


def span_in_words(start: datetime | None, end: datetime | None) -> str:
    """A span: "23 December 2026, 19:00–22:00" within one day, both moments otherwise."""
    if start is None:
        return ""
    if end is None:
        return moment_in_words(start)
    local_start, local_end = _local(start), _local(end)
    if local_start.date() == local_end.date():
        return f"{moment_in_words(local_start)}–{formats.time_format(local_end, 'H:i')}"
    return f"{moment_in_words(local_start)} – {moment_in_words(local_end)}"


def day_end(day: date | None) -> datetime | None:
    """The end of ``day`` (a closing date, a deadline) in the site's time zone, in UTC so
    that periods added to it are exact days, as the database adds them; None for none."""
    if day is None:
        return None
    zone = timezone.get_default_timezone()
    return datetime.combine(day + timedelta(days=1), time.min, tzinfo=zone).astimezone(UTC)

"""The talent pool: asking for renewal before the end, ending it when consent is withdrawn."""

from __future__ import annotations

import datetime


def talent_pool_reminders_send(*, now: datetime.datetime | None = None) -> int:
    """Send the renewal e-mail to candidates whose talent-pool period ends within 30 days."""
    raise NotImplementedError


def application_talent_pool_end(*, email: str) -> int:
    """The consent was withdrawn: ``email``'s applications leave the talent pool (only that)."""
    raise NotImplementedError

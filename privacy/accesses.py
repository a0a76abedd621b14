"""Who actually saw a person's data: the accesses an access answer lists (GDPR art. 15(1)(c)).

The privacy core does not know which app logs what; each app that records accesses to
personal data (a file's downloads, a list opened by speakers) registers a provider once, in
its ``AppConfig.ready``::

    access_source_register(cv_downloads)

where ``cv_downloads(email)`` returns the :class:`Access` entries about that address.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Access:
    """One access: when, by whom (a role or a name, as the person may know it), to what."""

    at: datetime
    who: str
    what: str


AccessSource = Callable[[str], list[Access]]

_sources: list[AccessSource] = []


def access_source_register(source: AccessSource) -> None:
    """Register a provider of accesses; registering the same one again changes nothing."""
    if source not in _sources:
        _sources.append(source)


def accesses_for(email: str) -> list[Access]:
    """Every registered access to ``email``'s data, oldest first."""
    found = [access for source in _sources for access in source(email)]
    return sorted(found, key=lambda access: access.at)

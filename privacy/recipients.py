"""Who received a person's data, to be told of its erasure or rectification (GDPR art. 19).

Two kinds of recipient: the processors and recipients of each purpose the person's data is
held for (from the purposes, e.g. the e-mail campaign provider for a standing newsletter
consent), and the ones apps know of, which each app registers once, in its
``AppConfig.ready``::

    recipient_source_register(speakers_who_saw)

where ``speakers_who_saw(email)`` returns the :class:`Recipient` entries for that address
(a speaker who opened a training's list with the person's name on it).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Recipient:
    """Who received the data (as the officer will reach them) and through what."""

    name: str
    reason: str


RecipientSource = Callable[[str], list[Recipient]]

_sources: list[RecipientSource] = []


def recipient_source_register(source: RecipientSource) -> None:
    """Register a provider of recipients; registering the same one again changes nothing."""
    if source not in _sources:
        _sources.append(source)


def _each(text: str) -> list[str]:
    """The recipients a purpose names, one per line or separated by semicolons."""
    return [part.strip() for part in re.split(r"[;\n]", text) if part.strip()]


def recipients_for(email: str) -> list[Recipient]:
    """Every recipient of ``email``'s data, one entry per recipient with every reason joined;
    in the active language."""
    from .models import DataSubjectRequest
    from .selectors import purpose_get
    from .services.subjects import subject_purpose_keys

    found: list[Recipient] = []
    # The request itself is not data anybody received.
    for key in sorted(subject_purpose_keys(email=email, exclude=(DataSubjectRequest,))):
        purpose = purpose_get(key=key)
        if purpose is not None:
            found += [
                Recipient(name=name, reason=purpose.name)
                for name in _each(purpose.processors or purpose.recipients)
            ]
    found += [recipient for source in _sources for recipient in source(email)]
    reasons: dict[str, list[str]] = {}
    for recipient in found:
        reasons.setdefault(recipient.name, [])
        if recipient.reason not in reasons[recipient.name]:
            reasons[recipient.name].append(recipient.reason)
    return [Recipient(name=name, reason="; ".join(why)) for name, why in reasons.items()]

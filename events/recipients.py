"""The speakers who opened a training's list with a person's name on it: recipients of that
person's data, told of its erasure or rectification (GDPR art. 19)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from privacy.recipients import Recipient

from .selectors import speaker_openings_seen


def speakers_who_saw(email: str) -> list[Recipient]:
    """One entry per speaker's link opened while the person was on its training's list."""
    return [
        Recipient(
            name=f"{link.speaker_name} <{link.email}>",
            reason=_("Speaker; opened the list of “%(event)s”")
            % {"event": registration.event.title},
        )
        for registration, openings in speaker_openings_seen(email=email)
        for link in {opening.link for opening in openings}
    ]

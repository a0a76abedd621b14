"""The speakers who opened a training's list with a person's name on it: recipients of that
person's data, told of its erasure or rectification (GDPR art. 19)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from privacy.recipients import Recipient

from .models import Registration, SpeakerAccessLog


def speakers_who_saw(email: str) -> list[Recipient]:
    """One entry per speaker's link opened after the person registered for its training."""
    found = []
    registrations = Registration.objects.filter(submission__subject_email=email).select_related(
        "event"
    )
    for registration in registrations:
        openings = SpeakerAccessLog.objects.filter(
            link__event=registration.event, opened_at__gte=registration.registered_at
        ).select_related("link")
        for link in {opening.link for opening in openings}:
            found.append(
                Recipient(
                    name=f"{link.speaker_name} <{link.email}>",
                    reason=_("Speaker; opened the list of “%(event)s”")
                    % {"event": registration.event.title},
                )
            )
    return found

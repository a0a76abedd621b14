"""Signed links: a registrant's (cancel, change choices) and a speaker's (the trainee list).

Built on :class:`privacy.links.RowLink`: each kind has its own salt, so a registrant's token
never opens a speaker's page. Holding the link is the proof; the rows they name decide the
rest (an event that ended, a revoked speaker link).
"""

from __future__ import annotations

from privacy.links import LinkExpired, RowLink

from .. import conf
from ..models import Registration, SpeakerLink

REGISTRATION = RowLink(
    salt="events.registration",
    view="events:registration_choices",
    max_age_days=conf.registration_link_days,
)
SPEAKER = RowLink(
    salt="events.speaker",
    view="events_speakers:speaker_list",
    max_age_days=conf.registration_link_days,
)


def registration_from_token(token: str) -> Registration:
    """The registration a link names; :class:`LinkInvalid` when altered or gone."""
    return REGISTRATION.row(
        token=token, queryset=Registration.objects.select_related("event", "submission")
    )


def registration_urls(registration: Registration, locale: str) -> dict[str, str]:
    """The absolute cancel, choices and participant-list links for a confirmation e-mail."""
    return {
        key: REGISTRATION.url(registration, locale=locale, view=f"events:registration_{key}")
        for key in ("participants", "cancel", "choices")
    }


def speaker_link_from_token(token: str) -> SpeakerLink:
    """The speaker link a token names; :class:`LinkInvalid` when altered, revoked or gone,
    :class:`LinkExpired` once the training has ended."""
    queryset = SpeakerLink.objects.select_related("event").filter(revoked_at__isnull=True)
    link = SPEAKER.row(token=token, queryset=queryset)
    if not link.is_usable():
        raise LinkExpired
    return link

"""Signed links: a registrant's (cancel, change choices) and a speaker's (the trainee list).

Built on :mod:`privacy.links`: each kind has its own salt, so a registrant's token never
opens a speaker's page. Holding the link is the proof; the rows they name decide the rest
(an event that ended, a revoked speaker link).
"""

from __future__ import annotations

from privacy.links import LinkExpired, absolute_url, row_from_token, row_token

from .. import conf
from ..models import Registration, SpeakerLink

REGISTRATION_SALT = "events.registration"
SPEAKER_SALT = "events.speaker"


def registration_token(registration: Registration) -> str:
    return row_token(salt=REGISTRATION_SALT, row=registration)


def registration_from_token(token: str) -> Registration:
    """The registration a link names; :class:`LinkInvalid` when altered or gone."""
    return row_from_token(
        salt=REGISTRATION_SALT,
        token=token,
        queryset=Registration.objects.select_related("event", "submission"),
        max_age_days=conf.registration_link_days(),
    )


def registration_urls(registration: Registration, locale: str) -> dict[str, str]:
    """The absolute cancel, choices and participant-list links for a confirmation e-mail."""
    token = registration_token(registration)
    return {
        key: absolute_url(name=f"events:registration_{key}", locale=locale, kwargs={"token": token})
        for key in ("participants", "cancel", "choices")
    }


def speaker_link_token(link: SpeakerLink) -> str:
    return row_token(salt=SPEAKER_SALT, row=link)


def speaker_link_from_token(token: str) -> SpeakerLink:
    """The speaker link a token names; :class:`LinkInvalid` when altered, revoked or gone,
    :class:`LinkExpired` once the training has ended."""
    link = row_from_token(
        salt=SPEAKER_SALT,
        token=token,
        queryset=SpeakerLink.objects.select_related("event").filter(revoked_at__isnull=True),
        max_age_days=conf.registration_link_days(),
    )
    if not link.is_usable():
        raise LinkExpired
    return link

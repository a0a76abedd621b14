"""Signed links: a registrant's (cancel, change choices) and a speaker's (the trainee list).

Built on :mod:`privacy.links`: each kind has its own salt, so a registrant's token never
opens a speaker's page. Holding the link is the proof; the rows they name decide the rest
(an event that ended, a revoked speaker link).
"""

from __future__ import annotations

from privacy.links import LinkExpired, LinkInvalid, absolute_url, link_load, link_sign

from .. import conf
from ..models import Registration, SpeakerLink

REGISTRATION_SALT = "events.registration"
SPEAKER_SALT = "events.speaker"


def registration_token(registration: Registration) -> str:
    return link_sign(salt=REGISTRATION_SALT, payload={"r": registration.pk})


def registration_from_token(token: str) -> Registration:
    """The registration a link names; :class:`LinkInvalid` when altered or gone."""
    payload = link_load(
        salt=REGISTRATION_SALT, token=token, max_age_days=conf.registration_link_days()
    )
    registration = (
        Registration.objects.select_related("event", "submission")
        .filter(pk=payload.get("r"))
        .first()
    )
    if registration is None:
        raise LinkInvalid
    return registration


def registration_urls(registration: Registration, locale: str) -> dict[str, str]:
    """The absolute cancel, choices and participant-list links for a confirmation e-mail."""
    token = registration_token(registration)
    return {
        key: absolute_url(name=f"events:registration_{key}", locale=locale, kwargs={"token": token})
        for key in ("participants", "cancel", "choices")
    }


def speaker_link_token(link: SpeakerLink) -> str:
    return link_sign(salt=SPEAKER_SALT, payload={"s": link.pk})


def speaker_link_from_token(token: str) -> SpeakerLink:
    """The speaker link a token names; :class:`LinkInvalid` when altered, revoked or gone,
    :class:`LinkExpired` once the training has ended."""
    payload = link_load(salt=SPEAKER_SALT, token=token, max_age_days=conf.registration_link_days())
    link = SpeakerLink.objects.select_related("event").filter(pk=payload.get("s")).first()
    if link is None or link.revoked_at is not None:
        raise LinkInvalid
    if not link.is_usable():
        raise LinkExpired
    return link

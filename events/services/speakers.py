"""A training's speaker links: created, sent, opened and revoked."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from ..models import EventPage, SpeakerAccessLog, SpeakerLink


def speaker_link_create(*, event: EventPage, speaker, email: str) -> SpeakerLink:
    """A speaker's link record for a training; sign it with :data:`events.services.links.SPEAKER`.

    It works until the training ends; retention keeps it (and its openings) for the
    ``event-registration`` purpose's period after that.
    """
    from privacy.services import normalise_email, retention_compute

    source = event.get_source_page()
    link = SpeakerLink(
        event=source,
        speaker=speaker,
        speaker_name=speaker.name if speaker is not None else "",
        email=normalise_email(email),
        ends_at=source.end,
    )
    link.retain_until = retention_compute(instance=link)
    link.save(force_insert=True)
    return link


def speaker_access_log(*, link: SpeakerLink) -> SpeakerAccessLog:
    """Record one opening of a speaker's link."""
    return SpeakerAccessLog.objects.create(link=link)


def speaker_link_send(*, event: EventPage, speaker, email: str, locale: str) -> SpeakerLink:
    """Create a speaker's link to a training's registration list and e-mail it to ``email``.

    The address is kept on the link (where it was sent, for the access log), never on the
    speaker. Raises ``ValueError`` for an event that is no training or has ended, before
    anything is stored.
    """
    from ..constants import EventKind
    from .mail import speaker_link_mail

    source = event.get_source_page()
    if source.kind != EventKind.TRAINING:
        raise ValueError("Speaker links are for trainings only.")
    if source.is_past():
        raise ValueError("The training has ended.")
    link = speaker_link_create(event=source, speaker=speaker, email=email)
    transaction.on_commit(lambda: speaker_link_mail(link=link, locale=locale))
    return link


def speaker_link_revoke(*, link: SpeakerLink) -> SpeakerLink:
    """Stop a speaker's link at once (sent to the wrong address, a speaker who withdrew)."""
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
    return link

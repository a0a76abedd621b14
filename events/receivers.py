"""Signal receivers: keeping registrations in step with what changes around them (an event
published is forms' one receiver's, through :meth:`EventPage.source_published`).

- A confirmed registration deleted (the person's erasure request): its seat goes to the
  first person waiting, as a cancellation's would.
- A speaker's profile deleted (retention, or their erasure request): their photo goes too,
  once no translation of the profile shows it.
- A photo consent withdrawn anywhere (the choices link, the preference centre, an erasure):
  the person's registrations say so, so the check-in list marks them. (The rows kept under
  a withdrawn consent, needs and photo records, are forms' to delete.)
"""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from privacy.signals import consent_withdrawn

from .constants import PURPOSE_PHOTOS, RegistrationStatus
from .models import EventPage, Registration, Speaker


@receiver(post_delete, sender=Registration, dispatch_uid="events_seat_freed")
def registration_deleted(sender, instance: Registration, **kwargs) -> None:
    if instance.status != RegistrationStatus.CONFIRMED:
        return
    event_id = instance.event_id

    def promote() -> None:
        from .services import registrations_promote

        event = EventPage.objects.filter(pk=event_id).first()
        if event is not None:
            registrations_promote(event=event)

    # After the deletion is committed; retention's deletions are of ended events, which
    # promote nobody.
    transaction.on_commit(promote)


@receiver(consent_withdrawn, dispatch_uid="events_consent_withdrawn")
def consent_withdrawn_anywhere(sender, *, email: str, purpose_key: str, withdrawn_at, **kwargs):
    from .services import photo_consents_end

    if purpose_key == PURPOSE_PHOTOS:
        photo_consents_end(email=email, at=withdrawn_at)


@receiver(post_delete, sender=Speaker, dispatch_uid="events_speaker_photo_deleted")
def speaker_deleted(sender, instance: Speaker, **kwargs) -> None:
    """The photo is the speaker's personal data as much as the name: an image used by no
    other profile is deleted with the profile (Wagtail then deletes its files and
    renditions)."""
    photo_id = instance.photo_id
    if photo_id is None or Speaker.objects.filter(photo_id=photo_id).exists():
        return
    from wagtail.images import get_image_model

    get_image_model().objects.filter(pk=photo_id).delete()

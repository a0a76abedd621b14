"""A registrant's photo and needs consents: kept as records of their own, ended when withdrawn."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from forms.services import submission_consent_give

from ..constants import PURPOSE_PHOTOS
from ..models import PhotoConsent, Registration, RegistrationNeeds
from .refusals import PHOTO_WORDING_CHANGED, PhotoWordingChanged


def photo_consent_keep(*, registration: Registration, consent) -> PhotoConsent:
    """Keep the person's photo consent for this event as its own record, for the
    ``event-photos`` period counted from the event's end (the registration goes sooner).

    One statement, whether the person has a record for the event already (an earlier
    registration, a consent given again) or not: it is written over, never doubled."""
    from privacy.services import retention_compute

    event = registration.event
    record = PhotoConsent(
        email=registration.submission.subject_email,
        event=event,
        event_title=event.title,
        consent=consent,
        given_at=consent.recorded_at,
        ends_at=event.end,
    )
    record.retain_until = retention_compute(instance=record)
    [record] = PhotoConsent.objects.bulk_create(
        [record],
        update_conflicts=True,
        unique_fields=["email", "event"],
        update_fields=["event_title", "consent", "given_at", "ends_at", "retain_until"],
    )
    return record


def needs_delete(*, email: str) -> int:
    """The person withdrew the ``event-needs`` consent: their needs go at once, for every
    event; the proof of the consent stays in the ledger."""
    deleted, _ = RegistrationNeeds.objects.filter(
        registration__submission__subject_email=email
    ).delete()
    return deleted


def registration_photo_choice(
    *, registration: Registration, consent: bool, revision: int | None = None
) -> Registration:
    """Give or withdraw consent to be photographed or filmed as a main subject.

    The choices page shows the purpose's own words in the person's language; ``revision``
    is the revision it showed, and a consent given on words the site no longer uses is
    refused (:class:`PhotoWordingChanged`), recording nothing. Giving adds a grant to the
    consent ledger with those words and keeps it as a record of its own
    (:func:`photo_consent_keep`); withdrawing marks the person's grants withdrawn and
    records the refusal with the words shown, which ends it for every event, so each of
    their registrations and photo records says so.
    """
    from privacy.models import ConsentSource
    from privacy.services import consent_refuse

    from ..selectors import photo_purpose

    submission = registration.submission
    email = submission.subject_email
    purpose = photo_purpose(locale=submission.locale)
    if purpose is None:
        raise ValueError("The event-photos purpose does not exist.")
    if revision is not None and revision != purpose.latest_revision_id:
        raise PhotoWordingChanged(str(PHOTO_WORDING_CHANGED))
    now = timezone.now()
    with transaction.atomic():
        if consent:
            given = submission_consent_give(submission=submission, purpose_key=PURPOSE_PHOTOS)
            registration.photo_consent = True
            registration.photo_choice_at = now
            registration.save(update_fields=["photo_consent", "photo_choice_at"])
            photo_consent_keep(registration=registration, consent=given)
        else:
            consent_refuse(
                purpose=purpose, email=email, locale=submission.locale, source=ConsentSource.FORM
            )
            photo_consents_end(email=email, at=now)
            registration.photo_consent = False
            registration.photo_choice_at = now
    return registration


def photo_consents_end(*, email: str, at) -> None:
    """The person withdrew the ``event-photos`` consent (anywhere): their registrations say
    so and their photo records go; the proofs stay in the ledger."""
    Registration.objects.filter(submission__subject_email=email, photo_consent=True).update(
        photo_consent=False, photo_choice_at=at
    )
    PhotoConsent.objects.filter(email=email).delete()

"""A registrant's photo consent: kept as a record of its own, ended when withdrawn (their
needs consent ends their needs through forms' :class:`~forms.models.ConsentBound`)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from forms.services import kept_consent_keep, submission_consent_choose

from ..constants import PURPOSE_PHOTOS
from ..models import PhotoConsent, Registration


def photo_consent_keep(*, registration: Registration, consent) -> PhotoConsent:
    """Keep the person's photo consent for this event as its own record (forms'
    :func:`~forms.services.kept_consent_keep`), for the ``event-photos`` period counted from
    the event's end (the registration goes sooner); one per person and event."""
    event = registration.event
    return kept_consent_keep(
        model=PhotoConsent,
        email=registration.submission.subject_email,
        consent=consent,
        ends_at=event.end,
        unique_fields=["email", "event"],
        event=event,
        event_title=event.title,
    )


def registration_photo_choice(
    *, registration: Registration, consent: bool, revision: int | None = None
) -> Registration:
    """Give or withdraw consent to be photographed or filmed as a main subject.

    The choices page shows the purpose's own words in the person's language; ``revision``
    is the revision it showed (forms' :func:`~forms.services.submission_consent_choose`
    refuses a consent on words the site no longer uses, recording nothing). Giving keeps the
    grant as a record of its own (:func:`photo_consent_keep`); withdrawing ends it for every
    event, so each of the person's registrations and photo records says so.
    """
    submission = registration.submission
    now = timezone.now()
    with transaction.atomic():
        given = submission_consent_choose(
            submission=submission, purpose_key=PURPOSE_PHOTOS, given=consent, revision=revision
        )
        if consent:
            registration.photo_consent = True
            registration.photo_choice_at = now
            registration.save(update_fields=["photo_consent", "photo_choice_at"])
            photo_consent_keep(registration=registration, consent=given)
        else:
            photo_consents_end(email=submission.subject_email, at=now)
            registration.photo_consent = False
            registration.photo_choice_at = now
    return registration


def photo_consents_end(*, email: str, at) -> None:
    """The person withdrew the ``event-photos`` consent (anywhere): their registrations say
    so (forms deletes their photo records); the proofs stay in the ledger."""
    Registration.objects.filter(submission__subject_email=email, photo_consent=True).update(
        photo_consent=False, photo_choice_at=at
    )

"""Registering, cancelling, moving up and taking down a registration by phone.

Every step that can confirm someone runs under the event's lock (:mod:`.capacity`).
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from forms.selectors import submission_consent
from forms.services import SubmissionInput, SubmissionRefused
from privacy.services import consent_given

from ..constants import (
    ACTIVE_STATUSES,
    KEY_LIST_OBJECTION,
    KEY_NEEDS,
    PURPOSE_NEEDS,
    PURPOSE_PHOTOS,
    RegistrationStatus,
)
from ..models import EventPage, Registration, RegistrationNeeds
from . import mail
from .capacity import _lock, _lock_current, _promote, _seats_locked
from .consents import photo_consent_keep
from .refusals import (
    CANCEL_AFTER_END,
    CHANGE_AFTER_END,
    TAKEN_ALREADY,
    AlreadyRegistered,
    CancellationRefused,
    RegistrationChangeRefused,
)


def registration_add(*, page: EventPage, submission, data: SubmissionInput) -> Registration:
    """The registration of a submission being stored, inside its transaction.

    Whether registration is open was asked once, before the form was read
    (``EventPage.accepts_submissions``). Here the event is locked, so counting the seats and
    taking one is one step for every registrant at once. An address already registered
    (confirmed or waiting) is withheld with :class:`AlreadyRegistered`, which rolls the
    submission back with it.
    """
    event = page.get_source_page()
    seats = _seats_locked(event, email=submission.subject_email)
    event.capacity = seats.capacity
    now = timezone.now()
    if seats.holder is not None:
        existing = Registration.objects.select_related("submission").get(pk=seats.holder)
        raise AlreadyRegistered(registration=existing, waiting=seats.left == 0)
    objected = bool(data.answers.get(KEY_LIST_OBJECTION))
    registration = Registration(
        event=event,
        submission=submission,
        registered_at=now,
        hidden_from_list=objected,
        objected_at=now if objected else None,
        photo_consent=consent_given(decisions=data.decisions, purpose_key=PURPOSE_PHOTOS),
        photo_choice_at=now,
    )
    if seats.left != 0:  # None: no limit
        registration.status = RegistrationStatus.CONFIRMED
        registration.confirmed_at = now
    else:
        registration.status = RegistrationStatus.WAITING
        registration.waiting_number = (seats.last_waiting or 0) + 1
    registration.save(force_insert=True)
    _needs_keep(registration=registration, data=data)
    if registration.photo_consent:
        proof = submission_consent(submission=registration.submission, purpose_key=PURPOSE_PHOTOS)
        if proof is not None:
            photo_consent_keep(registration=registration, consent=proof)
    # The outbox row and its task join this transaction: one commit stores the registration
    # and its mail, or neither.
    mail.registration_mail_send(registration=registration, template="confirmation")
    return registration


def _needs_keep(*, registration: Registration, data: SubmissionInput) -> None:
    """Keep the dietary or access needs apart, under the explicit consent just recorded;
    without that consent the form already dropped them."""
    text = str(data.kept_apart.get(KEY_NEEDS) or "").strip()
    if not text or not consent_given(decisions=data.decisions, purpose_key=PURPOSE_NEEDS):
        return
    proof = submission_consent(submission=registration.submission, purpose_key=PURPOSE_NEEDS)
    if proof is not None:
        RegistrationNeeds.objects.create(registration=registration, text=text, consent=proof)


def registration_refused(*, refusal: SubmissionRefused) -> None:
    """After a withheld registration was rolled back: the address's owner, already
    registered, quietly gets their confirmation again, whose links cancel or change it."""
    if isinstance(refusal, AlreadyRegistered):
        mail.registration_mail_send(
            registration=refusal.registration, template="confirmation", resent=True
        )


def registrations_promote(*, event: EventPage) -> list[Registration]:
    """Fill free seats from the waiting list (after a cancellation, or a larger capacity),
    and tell each person moved up."""
    with transaction.atomic():
        locked = _lock(event.get_source_page())
        if locked.is_past():
            return []
        return _promote(locked, timezone.now())


def registration_cancel(*, registration: Registration, on_behalf: bool = False) -> Registration:
    """Cancel a registration: the seat goes to the first person waiting, who is told.

    ``on_behalf``: an organiser cancels for the person (who asked by phone), and the mail
    says so. Refused (:class:`CancellationRefused`, nothing changed) once the event has
    ended. Cancelling twice changes nothing the second time.
    """
    with transaction.atomic():
        refused = CancellationRefused(str(CANCEL_AFTER_END))
        event, current, now = _lock_current(registration, refused=refused)
        if current.is_cancelled:
            return current
        was_confirmed = current.is_confirmed
        current.status = RegistrationStatus.CANCELLED
        current.cancelled_at = now
        current.save(update_fields=["status", "cancelled_at"])
        transaction.on_commit(
            lambda: mail.registration_mail_send(
                registration=current, template="cancelled", on_behalf=on_behalf
            )
        )
        if was_confirmed:
            _promote(event, now)
    return current


def registration_address_confirm(*, registration: Registration) -> Registration:
    """The address's owner acted through a link in their confirmation e-mail (a button,
    never a mere opening, which a mail scanner does too): from now on their name may be on
    the participant list, unless they object. The first time counts."""
    if registration.link_followed_at is None:
        registration.link_followed_at = timezone.now()
        Registration.objects.filter(pk=registration.pk, link_followed_at__isnull=True).update(
            link_followed_at=registration.link_followed_at
        )
    return registration


def registration_move_up(*, registration: Registration) -> Registration:
    """An organiser confirms someone waiting, before their turn or beyond the capacity (a
    chair found in the room); they get the e-mail of a seat come free.

    The organiser's decision, so the only limit kept is time: refused
    (:class:`RegistrationChangeRefused`) once the event has ended. Anyone not waiting is
    left as they are.
    """
    with transaction.atomic():
        refused = RegistrationChangeRefused(str(CHANGE_AFTER_END))
        _event, current, now = _lock_current(registration, refused=refused)
        if not current.is_waiting:
            return current
        current.status = RegistrationStatus.CONFIRMED
        current.confirmed_at = now
        current.save(update_fields=["status", "confirmed_at"])
        transaction.on_commit(
            lambda: mail.registration_mail_send(
                registration=current, template="promoted", by_organiser=True
            )
        )
    return current


def registration_take(*, page: EventPage, form) -> Registration:
    """Store a registration an organiser takes down for someone (by phone, at the desk).

    ``form`` is the page's own form as staff fill it in (:func:`forms.builder.form_on_behalf`),
    valid: the registration goes through the forms flow like a visitor's, takes a seat or a
    place on the waiting list, and the person gets the same confirmation, whose links let
    them change their choices or cancel. Refused (:class:`RegistrationChangeRefused`,
    nothing stored) for an address already registered and once the event has ended; the
    registration deadline is the visitors', not the organiser's.
    """
    from dataclasses import replace

    from forms.services import submission_create

    source = page.get_source_page()
    if source.is_past():
        raise RegistrationChangeRefused(str(CHANGE_AFTER_END))
    data = replace(page.submission_input(form), notify=False)
    taken = Registration.objects.filter(
        event=source, submission__subject_email=data.subject_email, status__in=ACTIVE_STATUSES
    )
    if taken.exists():
        raise RegistrationChangeRefused(str(TAKEN_ALREADY))
    return submission_create(data=data).registration


def registration_object(*, registration: Registration, hidden: bool) -> Registration:
    """Record (or lift) the person's objection to the participant list, at once.

    An objection (GDPR art. 21), not a consent: the list leaves the person out from this
    moment; lifting it puts them back while the event's list is up.
    """
    registration.hidden_from_list = hidden
    registration.objected_at = timezone.now() if hidden else None
    registration.save(update_fields=["hidden_from_list", "objected_at"])
    return registration

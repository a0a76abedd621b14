"""Everything in events with side effects: registering, cancelling, changing one's choices.

Capacity is guarded by one lock per event: every change that can confirm someone
(registering, cancelling, promoting from the waiting list) locks the event's row
(``SELECT ... FOR UPDATE`` on PostgreSQL; on SQLite the transaction's write lock, taken at
once, serialises writers), then counts and writes in the same transaction. So however many
people press the button at once, never more are confirmed than the capacity.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from django.db import connection, transaction
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy

from forms.services import (
    SubmissionInput,
    SubmissionRefused,
    SubmissionWithheld,
    submission_consent_give,
)
from privacy.services import consent_given

from ..constants import (
    ACTIVE_STATUSES,
    KEY_LIST_OBJECTION,
    KEY_NEEDS,
    PURPOSE_NEEDS,
    PURPOSE_PHOTOS,
    RegistrationStatus,
)
from ..models import (
    EventPage,
    PhotoConsent,
    Registration,
    RegistrationNeeds,
    SpeakerAccessLog,
    SpeakerLink,
)
from . import mail

logger = logging.getLogger(__name__)

PHOTO_WORDING_CHANGED = gettext_lazy(
    "The wording of this consent has changed since the page was opened. Nothing was "
    "changed; please read it again before you choose."
)
CANCEL_AFTER_END = gettext_lazy(
    "This event has ended, so its registrations can no longer be cancelled."
)
CHANGE_AFTER_END = gettext_lazy("This event has ended, so its registrations no longer change.")
TAKEN_ALREADY = gettext_lazy(
    "This address is already registered for this event; open that registration instead."
)


class AlreadyRegistered(SubmissionWithheld):
    """The address already holds a seat or a place on the waiting list for this event.

    Withheld, not refused: "already registered" would tell anyone whether that person
    attends. The sender gets the answer a first registration would get now (``waiting``
    when the event is full); the address's owner gets the confirmation again.
    """

    def __init__(self, *, registration: Registration, waiting: bool):
        super().__init__()
        self.registration = registration
        self.waiting = waiting


class PhotoWordingChanged(Exception):
    """A consent given on words the site no longer shows; nothing was recorded."""


class RegistrationChangeRefused(Exception):
    """A change that cannot happen (the event has ended); nothing was changed."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class CancellationRefused(RegistrationChangeRefused):
    """A cancellation that cannot happen (the event has ended); nothing was changed."""


def _lock(event: EventPage, *, only: tuple[str, ...] = ()) -> EventPage:
    """Lock the event's row for this transaction and return it as stored now (with
    ``only`` those fields read, e.g. the capacity alone for a registration).

    Must run inside ``transaction.atomic()``. PostgreSQL locks the row itself; SQLite
    ignores ``FOR UPDATE``, so a write (touching no row) takes the database's write lock
    before anything is counted, whatever transaction mode the connection uses.
    """
    _sqlite_write_lock()
    locked = EventPage.objects.select_for_update(of=("self",)).filter(pk=event.pk)
    return (locked.only(*only) if only else locked).get()


def _sqlite_write_lock() -> None:
    if connection.vendor == "sqlite" and not _sqlite_immediate():
        Registration.objects.filter(pk=0).update(status=RegistrationStatus.CANCELLED)


def _sqlite_immediate() -> bool:
    # ``BEGIN IMMEDIATE`` took the write lock when the transaction began.
    options = connection.settings_dict.get("OPTIONS") or {}
    return str(options.get("transaction_mode", "")).upper() in ("IMMEDIATE", "EXCLUSIVE")


def registration_add(*, page: EventPage, submission, data: SubmissionInput) -> Registration:
    """The registration of a submission being stored, inside its transaction.

    Whether registration is open was asked once, before the form was read
    (``EventPage.accepts_submissions``). Here the event is locked, so counting the seats and
    taking one is one step for every registrant at once. An address already registered
    (confirmed or waiting) is withheld with :class:`AlreadyRegistered`, which rolls the
    submission back with it.
    """
    event = page.get_source_page()
    # The capacity as stored now, read with the lock: an editor may just have changed it.
    event.capacity = _lock(event, only=("capacity",)).capacity
    now = timezone.now()
    seats = _seats(event, email=submission.subject_email)
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
        proof = _proof_of(registration=registration, purpose_key=PURPOSE_PHOTOS)
        if proof is not None:
            photo_consent_keep(registration=registration, consent=proof)
    # The outbox row and its task join this transaction: one commit stores the registration
    # and its mail, or neither.
    mail.registration_confirmation(registration=registration)
    return registration


def _needs_keep(*, registration: Registration, data: SubmissionInput) -> None:
    """Keep the dietary or access needs apart, under the explicit consent just recorded;
    without that consent the form already dropped them."""
    text = str(data.kept_apart.get(KEY_NEEDS) or "").strip()
    if not text or not consent_given(decisions=data.decisions, purpose_key=PURPOSE_NEEDS):
        return
    proof = _proof_of(registration=registration, purpose_key=PURPOSE_NEEDS)
    if proof is not None:
        RegistrationNeeds.objects.create(registration=registration, text=text, consent=proof)


def _proof_of(*, registration: Registration, purpose_key: str):
    """The consent the registration's form just recorded for ``purpose_key``, or None."""
    from forms.constants import submission_ref
    from privacy.models import ConsentDecision, ConsentRecord

    submission = registration.submission
    recorded = getattr(submission, "consent_records", None)
    if recorded is not None:
        # Handed over by the forms flow that stored them: no need to read them back.
        given = [
            record
            for record in recorded
            if record.purpose_key == purpose_key and record.decision == ConsentDecision.GIVEN
        ]
        return given[-1] if given else None
    return (
        ConsentRecord.objects.filter(
            subject_email=submission.subject_email,
            purpose_key=purpose_key,
            decision=ConsentDecision.GIVEN,
            source_ref=submission_ref(registration.submission_id),
        )
        .order_by("-pk")
        .first()
    )


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


def registration_refused(*, refusal: SubmissionRefused) -> None:
    """After a withheld registration was rolled back: the address's owner, already
    registered, quietly gets their confirmation again, whose links cancel or change it."""
    if isinstance(refusal, AlreadyRegistered):
        mail.registration_confirmation(registration=refusal.registration, resent=True)


def _seats_left(event: EventPage) -> int | None:
    """The locked event's free seats; None when it has no limit."""
    if event.capacity is None:
        return None
    confirmed = Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED)
    return max(event.capacity - confirmed.count(), 0)


@dataclass(frozen=True)
class _Seats:
    left: int | None  # None: no limit
    holder: int | None  # the registration already holding the address, if any
    last_waiting: int | None


def _seats(event: EventPage, *, email: str) -> _Seats:
    """In one query of the locked event's registrations: its free seats, the active
    registration of ``email`` if there is one, and the last waiting number given."""
    found = Registration.objects.filter(event=event).aggregate(
        holder=Max("pk", filter=Q(status__in=ACTIVE_STATUSES, submission__subject_email=email)),
        confirmed=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
        last_waiting=Max("waiting_number"),
    )
    left = None if event.capacity is None else max(event.capacity - found["confirmed"], 0)
    return _Seats(left=left, holder=found["holder"], last_waiting=found["last_waiting"])


def _promote(event: EventPage, now: datetime) -> list[Registration]:
    """Move the first people waiting up to the free seats; the event must be locked."""
    free = _seats_left(event)
    waiting = Registration.objects.filter(event=event, status=RegistrationStatus.WAITING)
    waiting = waiting.order_by("waiting_number", "pk")
    chosen = list(waiting if free is None else waiting[:free])
    for registration in chosen:
        registration.status = RegistrationStatus.CONFIRMED
        registration.confirmed_at = now
    Registration.objects.bulk_update(chosen, ["status", "confirmed_at"])
    return chosen


def registrations_promote(*, event: EventPage) -> list[Registration]:
    """Fill free seats from the waiting list (after a cancellation, or a larger capacity),
    and tell each person moved up."""
    with transaction.atomic():
        locked = _lock(event.get_source_page())
        if locked.is_past():
            return []
        promoted = _promote(locked, timezone.now())
        for registration in promoted:
            transaction.on_commit(lambda r=registration: mail.registration_promoted(registration=r))
    return promoted


def registration_cancel(*, registration: Registration, on_behalf: bool = False) -> Registration:
    """Cancel a registration: the seat goes to the first person waiting, who is told.

    ``on_behalf``: an organiser cancels for the person (who asked by phone), and the mail
    says so. Refused (:class:`CancellationRefused`, nothing changed) once the event has
    ended. Cancelling twice changes nothing the second time.
    """
    with transaction.atomic():
        event = _lock(registration.event)
        now = timezone.now()
        if event.is_past(now):
            raise CancellationRefused(str(CANCEL_AFTER_END))
        current = Registration.objects.select_related("submission", "event").get(pk=registration.pk)
        if current.is_cancelled:
            return current
        was_confirmed = current.is_confirmed
        current.status = RegistrationStatus.CANCELLED
        current.cancelled_at = now
        current.save(update_fields=["status", "cancelled_at"])
        promoted = _promote(event, now) if was_confirmed else []
        transaction.on_commit(
            lambda: mail.registration_cancelled(registration=current, on_behalf=on_behalf)
        )
        for moved in promoted:
            transaction.on_commit(lambda r=moved: mail.registration_promoted(registration=r))
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
        event = _lock(registration.event)
        now = timezone.now()
        if event.is_past(now):
            raise RegistrationChangeRefused(str(CHANGE_AFTER_END))
        current = Registration.objects.select_related("submission", "event").get(pk=registration.pk)
        if not current.is_waiting:
            return current
        current.status = RegistrationStatus.CONFIRMED
        current.confirmed_at = now
        current.save(update_fields=["status", "confirmed_at"])
        transaction.on_commit(
            lambda: mail.registration_promoted(registration=current, by_organiser=True)
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


def speaker_link_create(*, event: EventPage, speaker, email: str) -> SpeakerLink:
    """A speaker's link record for a training; sign it with :func:`events.services.links.speaker_link_token`.

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

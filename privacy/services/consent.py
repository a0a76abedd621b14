"""Recording and withdrawing consent: the ledger's only writers."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from ..hashing import address_hash
from ..models import (
    ConsentDecision,
    ConsentRecord,
    ConsentSource,
    EmailLink,
    Purpose,
    RetentionStart,
)
from ..signals import consent_withdrawn


def normalise_email(email: str) -> str:
    """The form every subject key is stored and looked up in: stripped and lower-cased.

    Raises ``ValidationError`` for anything that is not an e-mail address, so a typo can
    never match, export or erase someone else's data.
    """
    normalised = (email or "").strip().lower()
    try:
        validate_email(normalised)
    except ValidationError as error:
        raise ValidationError(
            _("'%(email)s' is not a valid e-mail address."),
            code="invalid_email",
            params={"email": email},
        ) from error
    return normalised


def _subject(email: str | None, anonymous_id: str | None) -> tuple[str, str]:
    if bool(email) == bool(anonymous_id):
        raise ValueError("Give exactly one of email and anonymous_id.")
    if email:
        return normalise_email(email), ""
    return "", anonymous_id.strip()


def _revision_id_of(purpose: Purpose) -> int:
    # The id is all the record needs; loading the Revision row (its whole content) would
    # cost a query per consent. A purpose created in code may have no revision yet; consent
    # must still point at the exact version it was given on, so make one rather than
    # record a gap in the proof.
    if purpose.latest_revision_id is None:
        purpose.save_revision(log_action=False)
    return purpose.latest_revision_id


def _check_source(source: str) -> None:
    if source not in ConsentSource.values:
        raise ValueError(f"Unknown consent source {source!r}.")


Decision = bool | str


def consent_given(*, decisions: Mapping[Purpose, ConsentDecision], purpose_key: str) -> bool:
    """Whether ``decisions`` (a form's, not in the ledger yet) give consent to the purpose:
    the one answer to "was it given" for every app reading a submission's boxes."""
    return any(
        purpose.key == purpose_key and decision == ConsentDecision.GIVEN
        for purpose, decision in decisions.items()
    )


def _decision(value: Decision) -> str:
    """A ledger decision from what callers pass: True/False for a box, or a decision."""
    if isinstance(value, bool):
        return ConsentDecision.GIVEN if value else ConsentDecision.REFUSED
    if value not in ConsentDecision.values:
        raise ValueError(f"Unknown consent decision {value!r}.")
    return ConsentDecision(value)


def consent_record(
    *,
    purpose: Purpose,
    granted: Decision,
    locale: str,
    source: str,
    email: str | None = None,
    anonymous_id: str | None = None,
    source_ref: str = "",
    text_shown: str | None = None,
) -> ConsentRecord:
    """Record one decision about one purpose, with the exact text and revision shown.

    ``granted`` is True (given) or False (refused) for a consent box, or a
    :class:`~privacy.models.ConsentDecision` (``"informed"`` for a notice).
    """
    [record] = _records_create(
        decisions={purpose: granted},
        texts_shown={purpose: text_shown} if text_shown is not None else {},
        locale=locale,
        source=source,
        email=email,
        anonymous_id=anonymous_id,
        source_ref=source_ref,
    )
    return record


def consents_record(
    *,
    decisions: Mapping[Purpose, Decision],
    locale: str,
    source: str,
    email: str | None = None,
    anonymous_id: str | None = None,
    source_ref: str = "",
) -> list[ConsentRecord]:
    """Record every decision of one form or banner at once: all of them or none.

    A decision is True (given) or False (refused) for a consent box, or a
    :class:`~privacy.models.ConsentDecision`; a notice shown is ``"informed"``.
    """
    return _records_create(
        decisions=decisions,
        texts_shown={},
        locale=locale,
        source=source,
        email=email,
        anonymous_id=anonymous_id,
        source_ref=source_ref,
    )


def _records_create(
    *,
    decisions: Mapping[Purpose, Decision],
    texts_shown: Mapping[Purpose, str],
    locale: str,
    source: str,
    email: str | None,
    anonymous_id: str | None,
    source_ref: str,
) -> list[ConsentRecord]:
    """The one path into the ledger.

    The subject and source are checked before anything is written, and the records go in
    with one INSERT. No savepoint: inside a caller's transaction a failure here undoes the
    caller's work too, which is what a form submission wants.
    """
    subject_email, anonymous = _subject(email, anonymous_id)
    _check_source(source)
    checked = {purpose: _decision(value) for purpose, value in decisions.items()}
    with transaction.atomic(savepoint=False):
        records = [
            ConsentRecord(
                subject_email=subject_email,
                anonymous_id=anonymous,
                purpose=purpose,
                purpose_key=purpose.key,
                purpose_revision_id=_revision_id_of(purpose),
                text_shown=texts_shown.get(purpose, purpose.consent_text),
                locale=locale,
                decision=decision,
                granted=decision == ConsentDecision.GIVEN,
                source=source,
                source_ref=source_ref,
            )
            for purpose, decision in checked.items()
        ]
        return ConsentRecord.objects.bulk_create(records)


def consent_withdraw(
    *,
    purpose_key: str,
    email: str | None = None,
    anonymous_id: str | None = None,
) -> int:
    """Mark the subject's current grants for a purpose withdrawn; returns how many.

    The proof is kept: withdrawal is a timestamp on the record, never a deletion. When a
    subject's grant was withdrawn, :data:`privacy.signals.consent_withdrawn` is sent on
    commit so apps can start the retention that counts from withdrawal.
    """
    subject_email, anonymous = _subject(email, anonymous_id)
    records = ConsentRecord.objects.filter(
        purpose_key=purpose_key, granted=True, withdrawn_at__isnull=True
    )
    if subject_email:
        records = records.filter(subject_email=subject_email)
    else:
        records = records.filter(anonymous_id=anonymous)
    withdrawn_at = timezone.now()
    count = records.update(withdrawn_at=withdrawn_at)
    if count and subject_email:
        transaction.on_commit(
            lambda: consent_withdrawn.send(
                sender=ConsentRecord,
                email=subject_email,
                purpose_key=purpose_key,
                withdrawn_at=withdrawn_at,
            )
        )
    return count


def consent_refuse(
    *,
    purpose: Purpose,
    email: str,
    locale: str,
    source: str,
    source_ref: str = "",
    text_shown: str | None = None,
) -> ConsentRecord:
    """The subject says no to a purpose they may have said yes to: their grants are marked
    withdrawn and the refusal is recorded, with the words shown, from where it was made, so
    the ledger says when, where and how it was withdrawn."""
    consent_withdraw(purpose_key=purpose.key, email=email)
    return consent_record(
        purpose=purpose,
        granted=False,
        locale=locale,
        source=source,
        email=email,
        source_ref=source_ref,
        text_shown=text_shown,
    )


def _subjects_without_data() -> QuerySet[ConsentRecord]:
    """Records naming an address about which nothing else is held any more.

    "Anything else" is a row of another registered model (a submission, an application)
    or a consent of the same person that still stands for a purpose that lasts until
    withdrawal (a newsletter): sending it needs the address.
    """
    from ..registry import registered_models

    records = ConsentRecord.objects.exclude(subject_email="")
    ongoing = ConsentRecord.objects.filter(
        subject_email=OuterRef("subject_email"),
        granted=True,
        withdrawn_at__isnull=True,
        purpose__retention_from=RetentionStart.WITHDRAWAL,
    )
    records = records.filter(~Exists(ongoing))
    for registration in registered_models():
        # A link sent by e-mail only points back at the person: it is no data the proofs
        # serve, and it goes with the address (``_pseudonymise``).
        if registration.model in (ConsentRecord, EmailLink):
            continue
        holds_data = registration.model._default_manager.filter(
            **{registration.subject: OuterRef("subject_email")}
        )
        records = records.filter(~Exists(holds_data))
    return records


def _pseudonymise(records: QuerySet[ConsentRecord], *, dry_run: bool) -> Counter:
    counts: Counter = Counter()
    now = timezone.now()
    emails = records.order_by().values_list("subject_email", flat=True).distinct()
    for email in list(emails.iterator()):
        # The condition is evaluated again by the UPDATE itself: a person who wrote in
        # again a moment ago keeps their address.
        mine = records.filter(subject_email=email)
        keys = Counter(mine.values_list("purpose_key", flat=True))
        if not dry_run:
            updated = mine.update(
                subject_email="", subject_hash=address_hash(email), pseudonymised_at=now
            )
            if updated != sum(keys.values()):
                continue
            EmailLink.objects.filter(email=email).delete()
        counts.update(keys)
    return counts


def consents_pseudonymise(*, dry_run: bool = False, email: str | None = None) -> Counter:
    """Replace the address in every proof whose subject holds no other data by its keyed hash.

    Run by retention after the expired rows are gone, and for one ``email`` by an app that
    has just deleted that person's data itself (an application withdrawn). Returns the
    number of records per purpose key; the proofs themselves stay, for
    ``PRIVACY_CONSENT_PROOF_YEARS`` from now.
    """
    records = _subjects_without_data()
    if email is not None:
        records = records.filter(subject_email=normalise_email(email))
    return _pseudonymise(records, dry_run=dry_run)


def consents_pseudonymise_subject(*, email: str) -> Counter:
    """Erasure's part in the ledger: the subject's proofs stay, with the address hashed.

    The proofs are what shows that data was processed lawfully (GDPR art. 7(1), 17(3)(e)),
    so an erasure keeps them, naming nobody. A consent that still stood is withdrawn first:
    asking for erasure ends every processing the consent allowed.
    """
    subject = normalise_email(email)
    records = ConsentRecord.objects.filter(subject_email=subject)
    records.filter(granted=True, withdrawn_at__isnull=True).update(withdrawn_at=timezone.now())
    return _pseudonymise(records, dry_run=False)


def consent_renewals_ask(
    queryset: QuerySet,
    *,
    purpose_key: str,
    since: str,
    reminded: str,
    days: int,
    ask: Callable[[object], bool],
    now=None,
) -> int:
    """Ask each row of ``queryset`` whose consent to ``purpose_key`` ends within ``days``
    to renew it, once a period (:func:`privacy.selectors.consent_period_ending`, with its
    ``since`` and ``reminded`` fields). ``ask(row)`` sends the request and says whether it
    left; only then is the row stamped in ``reminded``, so the next run asks again the
    rows whose request did not leave. Returns how many were asked."""
    from ..selectors import consent_period_ending

    now = now or timezone.now()
    ending = consent_period_ending(
        queryset, purpose_key=purpose_key, since=since, reminded=reminded, days=days, now=now
    )
    asked = 0
    for row in ending.iterator():
        if not ask(row):
            # The next run asks again; one bad address must not stop the others.
            continue
        queryset.model._default_manager.filter(pk=row.pk).update(**{reminded: now})
        asked += 1
    return asked

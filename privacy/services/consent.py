"""Recording and withdrawing consent: the ledger's only writers."""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import ConsentRecord, ConsentSource, Purpose
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


def consent_record(
    *,
    purpose: Purpose,
    granted: bool,
    locale: str,
    source: str,
    email: str | None = None,
    anonymous_id: str | None = None,
    source_ref: str = "",
    text_shown: str | None = None,
) -> ConsentRecord:
    """Record one decision about one purpose, with the exact text and revision shown."""
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
    decisions: Mapping[Purpose, bool],
    locale: str,
    source: str,
    email: str | None = None,
    anonymous_id: str | None = None,
    source_ref: str = "",
) -> list[ConsentRecord]:
    """Record every decision of one form or banner at once: all of them or none."""
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
    decisions: Mapping[Purpose, bool],
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
                granted=granted,
                source=source,
                source_ref=source_ref,
            )
            for purpose, granted in decisions.items()
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

"""Retention dates: when a row must be gone, worked out from its ``PersonalData.retention``.

Apps declare which field counts (``Retention(started=..., decided=...)``) and which purpose
applies; the privacy core computes the ``expired`` date from the purpose's retention period
and the consent ledger, and recomputes stored dates when the purpose's retention changes or
a subject withdraws consent. No app reads the ledger for this itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta

from django.db.models import (
    Case,
    DateTimeField,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.db.models.lookups import GreaterThanOrEqual

from ..models import ConsentRecord, Purpose, RetentionStart
from ..registry import Registration, registered_models, registration_for

# A purpose counting from the decision, or from the last contact (which a decision is),
# counts from the row's ``decided`` moment once there is one.
DECISION_STARTS = (RetentionStart.DECISION, RetentionStart.LAST_CONTACT)


def _follow(instance, path: str):
    value = instance
    for name in path.split("__"):
        value = getattr(value, name, None)
        if value is None:
            return None
    return value


def _purpose_of(instance, registration: Registration) -> Purpose | None:
    """The purpose the row is kept for; a Purpose on the way is used as loaded."""
    value = instance
    parts = registration.purpose.split("__")
    for name in parts[:-1]:
        value = getattr(value, name, None)
        if value is None:
            return None
        if isinstance(value, Purpose):
            return value
    key = getattr(value, parts[-1], None)
    # Retention is the same in every translation of a purpose: any row of the key serves.
    return Purpose.objects.filter(key=key).order_by("pk").first() if key else None


def _grants(decision) -> bool:
    # A consent box's decision: True, or the ledger's "given"; a refusal (False, "refused")
    # or a notice shown ("informed") grants nothing.
    return decision is True or decision == "given"


def _any_purpose(key: str) -> Purpose | None:
    return Purpose.objects.filter(key=key).order_by("pk").first()


def retention_compute(
    *, instance, decisions: Mapping[Purpose, bool | str] | None = None
) -> datetime | None:
    """When ``instance`` must be gone under its purpose; None while the subject's consent stands.

    ``decisions`` are consent decisions given with the row and not in the ledger yet (a
    form's boxes, recorded in the same transaction). A purpose counting from withdrawal keeps
    the row while a grant stands, counts from the latest withdrawal after the row started,
    and from the start when there was no grant: nothing is kept forever by default.
    """
    registration = registration_for(type(instance))
    retention = registration.retention
    if retention is None:
        raise ValueError(f"{registration.label}.PersonalData declares no retention.")
    purpose = _purpose_of(instance, registration)
    if purpose is None:
        return None
    started = getattr(instance, retention.started)
    if purpose.retention_from == RetentionStart.WITHDRAWAL:
        if any(p.key == purpose.key and _grants(d) for p, d in (decisions or {}).items()):
            return None
        email = _follow(instance, registration.subject) or ""
        if email:
            withdrawals = list(
                ConsentRecord.objects.filter(
                    subject_email=email, purpose_key=purpose.key, granted=True
                ).values_list("withdrawn_at", flat=True)
            )
            if withdrawals and None in withdrawals:
                return None
            latest = max(withdrawals, default=None)
            if latest is not None and latest >= started:
                return purpose.retain_until(latest)
        return purpose.retain_until(started)
    decided = getattr(instance, retention.decided) if retention.decided else None
    if decided is not None and purpose.retention_from in DECISION_STARTS:
        return purpose.retain_until(decided)
    ended = getattr(instance, retention.ended) if retention.ended else None
    if ended is not None and purpose.retention_from == RetentionStart.END:
        return purpose.retain_until(ended)
    return purpose.retain_until(started)


def _after(start, delta: timedelta):
    return ExpressionWrapper(
        start + Value(delta, output_field=DurationField()), output_field=DateTimeField()
    )


def _retention_registrations() -> list[Registration]:
    return [registration for registration in registered_models() if registration.retention]


def _expiry(registration: Registration, purpose: Purpose):
    """The database expression for a row's expiry under ``purpose``: what
    :func:`retention_compute` works out for one row, for every row in one UPDATE."""
    retention, subject = registration.retention, registration.subject
    delta = purpose.retention_delta
    started = F(retention.started)
    if purpose.retention_from in DECISION_STARTS and retention.decided:
        return _after(Coalesce(F(retention.decided), started), delta)
    if purpose.retention_from == RetentionStart.END and retention.ended:
        return _after(Coalesce(F(retention.ended), started), delta)
    if purpose.retention_from == RetentionStart.WITHDRAWAL:
        grants = ConsentRecord.objects.filter(
            subject_email=OuterRef(subject), purpose_key=purpose.key, granted=True
        )
        withdrawn = Subquery(
            grants.filter(withdrawn_at__isnull=False)
            .order_by("-withdrawn_at")
            .values("withdrawn_at")[:1],
            output_field=DateTimeField(),
        )
        return Case(
            When(**{subject: "", "then": _after(started, delta)}),
            When(Exists(grants.filter(withdrawn_at__isnull=True)), then=Value(None)),
            When(GreaterThanOrEqual(withdrawn, started), then=_after(withdrawn, delta)),
            default=_after(started, delta),
            output_field=DateTimeField(),
        )
    return _after(started, delta)


def retention_refresh(*, purpose_key: str) -> int:
    """Recompute the stored date of every row kept for ``purpose_key``, in every model.

    Called when the purpose's retention changed; one UPDATE per model does it in the
    database, whatever the number of rows. Returns how many rows were updated.
    """
    purpose = _any_purpose(purpose_key)
    if purpose is None:
        return 0
    updated = 0
    for registration in _retention_registrations():
        rows = registration.model._default_manager.filter(**{registration.purpose: purpose_key})
        updated += rows.update(**{registration.expired: _expiry(registration, purpose)})
    return updated


def retention_recompute(*, queryset: QuerySet) -> int:
    """Recompute the stored date of the rows in ``queryset``, a registered model's rows.

    For an app that changed what their retention counts from in bulk (an event moved, a
    vacancy's closing date changed): one UPDATE per purpose among the rows. Returns how many
    rows were updated.
    """
    registration = registration_for(queryset.model)
    if registration.retention is None:
        raise ValueError(f"{registration.label}.PersonalData declares no retention.")
    keys = set(queryset.order_by().values_list(registration.purpose, flat=True).distinct())
    updated = 0
    for key in sorted(k for k in keys if k):
        purpose = _any_purpose(key)
        if purpose is None:
            continue
        rows = queryset.filter(**{registration.purpose: key})
        updated += rows.update(**{registration.expired: _expiry(registration, purpose)})
    return updated


def retention_consent_withdrawn(*, email: str, purpose_key: str, withdrawn_at: datetime) -> int:
    """Start the retention of ``email``'s rows kept while their consent to the purpose stood.

    Only a purpose counting from withdrawal changes anything; rows started up to the
    withdrawal are kept for the retention period from then. Returns the rows updated.
    """
    purpose = _any_purpose(purpose_key)
    if purpose is None or purpose.retention_from != RetentionStart.WITHDRAWAL:
        return 0
    updated = 0
    for registration in _retention_registrations():
        rows = registration.model._default_manager.filter(
            **{
                registration.purpose: purpose_key,
                registration.subject: email,
                f"{registration.retention.started}__lte": withdrawn_at,
            }
        )
        updated += rows.update(**{registration.expired: purpose.retain_until(withdrawn_at)})
    return updated

"""Retention dates: when a row must be gone, worked out from its ``PersonalData.retention``.

Apps declare which field counts (``Retention(started=..., decided=...)``) and which purpose
applies; the privacy core computes the ``expired`` date from the purpose's retention period
and the consent ledger, and recomputes stored dates when the purpose's retention changes or
a subject withdraws consent. No app reads the ledger for this itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from django.db.models import (
    Case,
    DateTimeField,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest
from django.db.models.lookups import Exact, GreaterThanOrEqual, IsNull

from ..models import ConsentDecision, ConsentRecord, OutcomeRetention, Purpose, RetentionStart
from ..periods import Period, period_after_expression
from ..registry import Registration, registered_models, registration_for, resolve_path
from ..vocabulary import retention_ends
from .consent import consent_given

# A purpose counting from the decision, or from the last contact (which a decision is),
# counts from the row's ``decided`` moment once there is one.
DECISION_STARTS = (RetentionStart.DECISION, RetentionStart.LAST_CONTACT)


def _follow(instance, path: str):
    """The value at ``path`` from ``instance``; None when a relation on the way is empty
    (a missing reverse one-to-one row raises an ``AttributeError``, which ``getattr`` takes)."""
    value = instance
    for name in path.split("__"):
        value = getattr(value, name, None)
        if value is None:
            return None
    return value


def _ref(model, path: str):
    """The database expression for the value at ``path`` from each row of ``model``: the
    field itself, or a subquery through its relations (an UPDATE cannot join)."""
    if "__" not in path:
        return F(path)
    first, rest = path.split("__", 1)
    field = model._meta.get_field(first)
    related = field.related_model._default_manager
    if field.concrete:
        rows = related.filter(pk=OuterRef(field.attname))
    else:
        rows = related.filter(**{field.field.name: OuterRef("pk")})
    return Subquery(rows.values(rest)[:1], output_field=resolve_path(model, path))


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
    # Retention is the same in every translation of a purpose: any row of the key serves,
    # the one the row was made with (a consent record's, just recorded) first.
    loaded = value._state.fields_cache.get("purpose") if hasattr(value, "_state") else None
    if isinstance(loaded, Purpose) and loaded.key == key:
        return loaded
    return Purpose.objects.filter(key=key).order_by("pk").first() if key else None


def _any_purpose(key: str) -> Purpose | None:
    return Purpose.objects.filter(key=key).order_by("pk").first()


def retention_compute(
    *, instance, decisions: Mapping[Purpose, ConsentDecision] | None = None, also: bool = True
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
    until = _outcome_until(instance, retention, purpose)
    if until is None:
        until = _main_until(instance, registration, purpose, decisions)
    # ``also=False``: the row's own purpose alone, without the further ones it is kept for.
    return _also_until(instance, retention, until) if also else until


def retention_own_passed(*, queryset: QuerySet, now: datetime) -> list:
    """The primary keys of the rows of ``queryset`` kept now for a further purpose alone
    (``Retention.also``): their own purpose's period has ended, a further one's has not.

    What such a row holds beyond what the further purpose keeps is due for deletion (an
    application in the talent pool keeps its CV and contact details, not HR's notes).
    Worked out row by row, for the few rows a further purpose keeps.
    """
    registration = registration_for(queryset.model)
    fields = [name for _key, name in registration.retention.also]
    if not fields:
        return []
    held = Q()
    for name in fields:
        held |= Q(**{f"{name}__isnull": False})
    rows = queryset.filter(held).filter(**{f"{registration.expired}__gt": now})
    return [
        row.pk
        for row in rows.iterator(chunk_size=500)
        if (own := retention_compute(instance=row, also=False)) is not None and own <= now
    ]


def _outcome_until(instance, retention, purpose: Purpose) -> datetime | None:
    """The end set by the purpose's retention for the row's outcome, once it is decided."""
    if not retention.outcome:
        return None
    decided = _follow(instance, retention.outcome_moment)
    if decided is None:
        return None
    rule = OutcomeRetention.objects.filter(
        purpose_key=purpose.key, outcome=_follow(instance, retention.outcome)
    ).first()
    return rule.retention.after(decided) if rule is not None else None


def _also_until(instance, retention, until: datetime | None) -> datetime | None:
    """The later of ``until`` and the end of each further purpose the row is kept for."""
    if until is None:
        return None
    for key, field_name in retention.also:
        since = _follow(instance, field_name)
        purpose = _any_purpose(key) if since is not None else None
        if purpose is not None:
            until = max(until, purpose.retain_until(since))
    return until


def _main_until(instance, registration, purpose: Purpose, decisions) -> datetime | None:
    retention = registration.retention
    started = getattr(instance, retention.started)
    if purpose.retention_from == RetentionStart.WITHDRAWAL:
        if consent_given(decisions=decisions or {}, purpose_key=purpose.key):
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
    decided = _follow(instance, retention.decided) if retention.decided else None
    if decided is not None and purpose.retention_from in DECISION_STARTS:
        return purpose.retain_until(decided)
    ended = _follow(instance, retention.ended) if retention.ended else None
    if ended is not None and purpose.retention_from in retention_ends():
        return purpose.retain_until(ended)
    return purpose.retain_until(started)


def _after(start, period: Period):
    return period_after_expression(start, period)


def _retention_registrations() -> list[Registration]:
    return [registration for registration in registered_models() if registration.retention]


def _expiry(registration: Registration, purpose: Purpose):
    """The database expression for a row's expiry under ``purpose``: what
    :func:`retention_compute` works out for one row, for every row in one UPDATE. The
    outcome's period once decided, else the purpose's own, extended by every further purpose
    the row is kept for."""
    retention, model = registration.retention, registration.model
    value = _main_expiry(registration, purpose)
    if retention.outcome:
        outcome, decided = _ref(model, retention.outcome), _ref(model, retention.outcome_moment)
        whens = [
            When(
                Exact(outcome, Value(rule.outcome)) & IsNull(decided, False),
                then=_after(decided, rule.retention),
            )
            for rule in OutcomeRetention.objects.filter(purpose_key=purpose.key)
        ]
        if whens:
            value = Case(*whens, default=value, output_field=DateTimeField())
    for key, field_name in retention.also:
        also = _any_purpose(key)
        if also is None:
            continue
        since = _ref(model, field_name)
        value = Case(
            When(IsNull(since, True), then=value),
            When(IsNull(value, True), then=Value(None)),
            default=Greatest(value, _after(since, also.retention)),
            output_field=DateTimeField(),
        )
    return value


def _main_expiry(registration: Registration, purpose: Purpose):
    retention, subject = registration.retention, registration.subject
    delta, model = purpose.retention, registration.model
    started = F(retention.started)
    if purpose.retention_from in DECISION_STARTS and retention.decided:
        return _after(Coalesce(_ref(model, retention.decided), started), delta)
    if purpose.retention_from in retention_ends() and retention.ended:
        return _after(Coalesce(_ref(model, retention.ended), started), delta)
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

    Called when the purpose's retention (or its retention after an outcome) changed; one
    UPDATE per model and purpose does it in the database, whatever the number of rows. Rows
    also kept for ``purpose_key`` (``Retention.also``) are recomputed too. Returns how many
    rows were updated.
    """
    updated = 0
    for registration in _retention_registrations():
        manager = registration.model._default_manager
        keys = {purpose_key}
        if any(key == purpose_key for key, _field in registration.retention.also):
            keys |= set(
                manager.order_by()
                .exclude(**{f"{registration.purpose}__isnull": True})
                .values_list(registration.purpose, flat=True)
                .distinct()
            )
        for key in sorted(keys):
            purpose = _any_purpose(key)
            if purpose is None:
                continue
            rows = manager.filter(**{registration.purpose: key})
            updated += _rows_update(registration, rows, purpose)
    return updated


def _rows_update(registration: Registration, rows, purpose: Purpose) -> int:
    """Store the recomputed expiry of ``rows``: one UPDATE, or row by row when the ledger
    must be matched on an address reached through a relation (SQL UPDATE cannot join)."""
    if purpose.retention_from == RetentionStart.WITHDRAWAL and "__" in registration.subject:
        updated = 0
        for row in rows.iterator(chunk_size=500):
            expired = retention_compute(instance=row)
            updated += (
                type(row)
                ._default_manager.filter(pk=row.pk)
                .update(**{registration.expired: expired})
            )
        return updated
    return rows.update(**{registration.expired: _expiry(registration, purpose)})


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
        updated += _rows_update(registration, rows, purpose)
    return updated


def retention_end_move(
    *, queryset: QuerySet, end: datetime | None, passed_stay: datetime | None = None
) -> int:
    """The end of what the rows of ``queryset`` serve moved to ``end`` (an event moved, a
    vacancy's closing date edited): store it on the rows counting from another end and
    recompute their dates. The one way every app answers "the end moved".

    With ``passed_stay``, rows whose end had passed by then keep it (a vacancy closed early
    ends then for rows still waiting for their end; publishing it again moves nothing).
    Returns how many rows were recomputed.
    """
    ended = registration_for(queryset.model).retention.ended
    rows = queryset.exclude(**{ended: end}) if end is not None else queryset
    rows = rows.filter(**{f"{ended}__isnull": False}) if end is None else rows
    if passed_stay is not None:
        rows = rows.filter(Q(**{f"{ended}__isnull": True}) | Q(**{f"{ended}__gt": passed_stay}))
    pks = list(rows.values_list("pk", flat=True))
    if not pks:
        return 0
    moved = queryset.model._default_manager.filter(pk__in=pks)
    moved.update(**{ended: end})
    return retention_recompute(queryset=moved)


def retention_consent_withdrawn(*, email: str, purpose_key: str, withdrawn_at: datetime) -> int:
    """Start the retention of ``email``'s rows kept while their consent to the purpose stood,
    and end that purpose for rows also kept for it (``Retention.also``).

    For a purpose counting from withdrawal, rows started up to the withdrawal are kept for
    the retention period from then. Rows that were also kept for the purpose lose only that
    purpose: their field is cleared and their date recomputed from what remains. Returns the
    rows updated.
    """
    purpose = _any_purpose(purpose_key)
    if purpose is None:
        return 0
    updated = _also_withdrawn(email=email, purpose_key=purpose_key)
    if purpose.retention_from != RetentionStart.WITHDRAWAL:
        return updated
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


def _also_withdrawn(*, email: str, purpose_key: str) -> int:
    updated = 0
    for registration in _retention_registrations():
        fields = [name for key, name in registration.retention.also if key == purpose_key]
        manager = registration.model._default_manager
        for field_name in fields:
            rows = manager.filter(**{registration.subject: email, f"{field_name}__isnull": False})
            pks = list(rows.values_list("pk", flat=True))
            if not pks:
                continue
            _clear(registration.model, pks, field_name)
            updated += retention_recompute(queryset=manager.filter(pk__in=pks))
    return updated


def _clear(model, pks: list, path: str) -> None:
    """Empty the field at ``path`` of the rows ``pks`` of ``model``, on whichever row holds it."""
    manager = model._default_manager
    if "__" not in path:
        manager.filter(pk__in=pks).update(**{path: None})
        return
    prefix, name = path.rsplit("__", 1)
    holders = manager.filter(pk__in=pks).values(f"{prefix}__pk")
    resolve_path(model, prefix).related_model._default_manager.filter(pk__in=holders).update(
        **{name: None}
    )

"""Retention: delete what has outlived its purpose, and log it without personal data."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils import timezone

from ..models import ConsentRecord, DeletionLog, DeletionReason
from ..registry import Registration, registered_models
from .consent import consents_pseudonymise
from .deletion import DEFAULT_BATCH_SIZE, PurgeOutcome, rows_purge


@dataclass
class RunReport:
    """The outcome of one retention or erasure run, per model; no personal data."""

    run_id: uuid.UUID
    dry_run: bool
    outcomes: list[PurgeOutcome] = field(default_factory=list)
    # Consent proofs kept with the address replaced by its keyed hash (not deleted).
    hashed: int = 0

    @property
    def rows(self) -> int:
        return sum(outcome.total_rows for outcome in self.outcomes)

    @property
    def files(self) -> int:
        return sum(outcome.total_files for outcome in self.outcomes)

    @property
    def errors(self) -> int:
        return sum(outcome.total_errors for outcome in self.outcomes)

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_dict(self) -> dict:
        return {
            "run_id": str(self.run_id),
            "dry_run": self.dry_run,
            "rows": self.rows,
            "files": self.files,
            "errors": self.errors,
            "hashed": self.hashed,
            "models": {
                outcome.model: {
                    "rows": outcome.total_rows,
                    "files": outcome.total_files,
                    "errors": outcome.total_errors,
                }
                for outcome in self.outcomes
            },
        }


def deletion_log_write(
    *, report: RunReport, reason: str, outcomes: list[PurgeOutcome] | None = None
) -> list[DeletionLog]:
    """One entry per model and purpose touched, and one per model with nothing to do, so
    the log also proves that a run happened; for ``outcomes`` only when given."""
    entries = []
    ran_at = timezone.now()
    for outcome in report.outcomes if outcomes is None else outcomes:
        keys = set(outcome.rows) | set(outcome.errors) | set(outcome.files) or {""}
        for purpose_key in sorted(keys):
            entries.append(
                DeletionLog(
                    ran_at=ran_at,
                    run_id=report.run_id,
                    model=outcome.model,
                    purpose_key=purpose_key,
                    count=outcome.rows[purpose_key],
                    files=outcome.files[purpose_key],
                    errors=outcome.errors[purpose_key],
                    reason=reason,
                    dry_run=report.dry_run,
                )
            )
    return DeletionLog.objects.bulk_create(entries)


def retention_enforce(
    *,
    dry_run: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    models: list[Registration] | None = None,
    on_model: Callable[[Registration, int], Callable[[int], None] | None] | None = None,
) -> RunReport:
    """Delete every expired row of every registered model, files first.

    ``on_model(registration, total)`` may return a progress callback for that model; the
    command uses it to draw a progress display. Safe to run twice and from two processes at
    once (see :mod:`privacy.services.deletion`).
    """
    now = timezone.now()
    report = RunReport(run_id=uuid.uuid4(), dry_run=dry_run)
    registrations = registered_models() if models is None else models
    # Consent proof is kept while other models hold the subject's data: handle the ledger
    # last so a proof goes in the same run as the data it was given for.
    registrations = sorted(registrations, key=lambda r: r.model is ConsentRecord)
    for registration in registrations:
        if registration.trim is not None:
            # What rows still kept no longer need goes first (before what it decides about,
            # the rows following it, is purged).
            trimmed = PurgeOutcome(model=f"{registration.label} (partly)")
            trimmed.rows.update({"": registration.trim(now=now, dry_run=dry_run)})
            deletion_log_write(report=report, reason=DeletionReason.RETENTION, outcomes=[trimmed])
    for registration in registrations:
        queryset = registration.expired_queryset(now)
        if queryset is None:
            continue
        outcome = PurgeOutcome(model=registration.label)
        report.outcomes.append(outcome)
        try:
            progress = on_model(registration, queryset.count()) if on_model else None
            rows_purge(
                registration=registration,
                queryset=queryset,
                dry_run=dry_run,
                batch_size=batch_size,
                progress=progress,
                outcome=outcome,
            )
        finally:
            # Logged per model as it ends, even when it fails: batches already committed
            # must never go unlogged because a later one (or model) raised.
            deletion_log_write(report=report, reason=DeletionReason.RETENTION, outcomes=[outcome])
    if any(registration.model is ConsentRecord for registration in registrations):
        # With the expired data gone, proofs of people nothing else is held about keep
        # only a keyed hash of the address (they are kept, not deleted: see the ledger).
        hashed = PurgeOutcome(
            model=ConsentRecord._meta.label, rows=consents_pseudonymise(dry_run=dry_run)
        )
        report.hashed = hashed.total_rows
        deletion_log_write(report=report, reason=DeletionReason.PSEUDONYMISATION, outcomes=[hashed])
    return report

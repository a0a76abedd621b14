"""A subject's rights: access (export) and erasure, over every registered model."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from ..models import ConsentRecord, DeletionReason
from ..registry import Registration, registered_models, registration_for
from .consent import consents_pseudonymise, consents_pseudonymise_subject, normalise_email
from .deletion import PurgeOutcome, rows_purge
from .retention import RunReport, deletion_log_write

SPOOL_SIZE = 8 * 1024 * 1024


@dataclass(frozen=True)
class ExportedFile:
    model: str
    pk: object
    field: str
    name: str
    storage: object

    @property
    def archive_name(self) -> str:
        label = self.model.replace(".", "_")
        # The stored name keeps two files of one row apart even when their basenames match.
        return f"files/{label}/{self.pk}/{self.field}/{self.name}"


@dataclass
class SubjectExport:
    """Everything held about one subject: rows per model label, and their files."""

    email: str
    records: dict[str, list[dict]] = field(default_factory=dict)
    files: list[ExportedFile] = field(default_factory=list)
    missing_files: list[str] = field(default_factory=list)
    unreadable_files: list[dict] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not any(self.records.values())

    @property
    def counts(self) -> dict[str, int]:
        return {label: len(rows) for label, rows in self.records.items() if rows}

    def as_json(self) -> str:
        return json.dumps(
            {
                "subject": self.email,
                "generated_at": timezone.now(),
                "records": {label: rows for label, rows in self.records.items() if rows},
                "files": [
                    {
                        "model": f.model,
                        "pk": f.pk,
                        "field": f.field,
                        "name": f.name,
                        "archive_name": f.archive_name,
                    }
                    for f in self.files
                ],
            },
            cls=DjangoJSONEncoder,
            indent=2,
            ensure_ascii=False,
        )

    def write_zip(self, path: str | os.PathLike) -> Path:
        """Write ``data.json`` and every file into a zip, atomically (temp file + rename).

        A file gone from storage is listed in ``missing_files``; one the storage fails to
        read (outage, permissions) in ``unreadable_files`` with the error, so the export is
        still written and says what it lacks. Both lists are also kept on ``self``.
        """
        target = Path(path)
        partial = target.with_name(f".{target.name}.{uuid.uuid4().hex}.part")
        self.missing_files, self.unreadable_files = [], []
        try:
            with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                for exported in self.files:
                    self._add_file(archive, exported)
                data = json.loads(self.as_json())
                data["missing_files"] = self.missing_files
                data["unreadable_files"] = self.unreadable_files
                archive.writestr("data.json", json.dumps(data, indent=2, ensure_ascii=False))
            partial.replace(target)
        finally:
            partial.unlink(missing_ok=True)
        return target

    def _add_file(self, archive: zipfile.ZipFile, exported: ExportedFile) -> None:
        # Read into a spooled buffer first: a read failing half-way must not leave a
        # truncated entry in the archive, and a zip entry cannot be taken back.
        with tempfile.SpooledTemporaryFile(max_size=SPOOL_SIZE) as buffer:
            try:
                with exported.storage.open(exported.name, "rb") as source:
                    for piece in source.chunks():
                        buffer.write(piece)
            except FileNotFoundError:
                self.missing_files.append(exported.archive_name)
                return
            except Exception as error:  # any storage failure: say so, export the rest
                self.unreadable_files.append(
                    {"file": exported.archive_name, "error": f"{type(error).__name__}: {error}"}
                )
                return
            buffer.seek(0)
            with archive.open(exported.archive_name, "w") as sink:
                shutil.copyfileobj(buffer, sink)


def _subject_rows(registration: Registration, subject: str):
    # The ledger also holds proofs whose address was replaced by its keyed hash.
    if registration.model is ConsentRecord:
        from ..selectors import consents_for_email

        return consents_for_email(subject)
    return registration.subject_queryset(subject)


def _export_fields(registration: Registration) -> list[str]:
    return [
        f.attname
        for f in registration.model._meta.concrete_fields
        if f.name not in registration.export_exclude
    ]


def subject_export(*, email: str) -> SubjectExport:
    """Collect what every registered model holds about ``email`` (rows and file names).

    Raises ``ValidationError`` for a malformed address; an unknown one gives an empty
    export.
    """
    subject = normalise_email(email)
    export = SubjectExport(email=subject)
    # A file may be declared twice (by a submission and by its attachment model): once is enough.
    seen = set()
    for registration in registered_models():
        rows = _subject_rows(registration, subject).order_by("pk")
        export.records[registration.label] = list(rows.values(*_export_fields(registration)))
        if not export.records[registration.label]:
            continue
        for file_path in registration.files:
            for pk, name in rows.values_list("pk", file_path.path):
                if name and (id(file_path.storage), name) not in seen:
                    seen.add((id(file_path.storage), name))
                    export.files.append(
                        ExportedFile(
                            registration.label, pk, file_path.path, name, file_path.storage
                        )
                    )
    return export


def subject_counts(*, email: str) -> dict[str, int]:
    """How many rows each registered model holds about ``email`` (for a confirmation)."""
    subject = normalise_email(email)
    counts = {}
    for registration in registered_models():
        count = _subject_rows(registration, subject).count()
        if count:
            counts[registration.label] = count
    return counts


def subject_purpose_keys(*, email: str, exclude: tuple[type, ...] = ()) -> set[str]:
    """The purposes data about ``email`` is held for: each registered row's purpose (but the
    models in ``exclude``), and each consent that stands (a refused or withdrawn one holds
    nothing but its proof)."""
    from ..selectors import consents_current

    subject = normalise_email(email)
    keys: set[str] = set()
    for registration in registered_models():
        skipped = registration.model is ConsentRecord or registration.model in exclude
        if skipped or not registration.purpose:
            continue
        rows = registration.subject_queryset(subject)
        keys.update(key for key in rows.values_list(registration.purpose, flat=True) if key)
    keys.update(
        key
        for key, record in consents_current(email=subject).items()
        if record.granted and record.withdrawn_at is None
    )
    return keys


def subject_erase(*, email: str, keep: tuple[type, ...] = ()) -> RunReport:
    """Delete every row and file held about ``email``; keep consent proofs, address hashed.

    The ledger's records stay as proof that data was processed lawfully (GDPR art. 7(1),
    17(3)(e)), but name nobody: their address is replaced by its keyed hash and a consent
    still standing is withdrawn (:func:`consents_pseudonymise_subject`). They go after
    ``PRIVACY_CONSENT_PROOF_YEARS``. What else remains is a
    :class:`~privacy.models.DeletionLog` entry per model with counts only, the proof that
    the request was honoured. Raises ``ValidationError`` for a malformed address; an
    unknown one erases nothing (and logs nothing).

    Data-subject requests, the replies to them and the recipients told of them are never
    erased here, whoever erases:
    they are kept for their own purpose (``privacy-request``) to show the request was
    honoured, and go when that retention ends. ``keep`` names further models left alone.
    """
    from ..models import DataSubjectRequest, RecipientNotice, RequestReply

    keep = (DataSubjectRequest, RequestReply, RecipientNotice, *keep)
    subject = normalise_email(email)
    report = RunReport(run_id=uuid.uuid4(), dry_run=False)
    for registration in registered_models():
        if registration.model is ConsentRecord or registration.model in keep:
            continue
        queryset = registration.subject_queryset(subject)
        if not queryset.exists():
            continue
        outcome = PurgeOutcome(model=registration.label)
        report.outcomes.append(outcome)
        try:
            rows_purge(registration=registration, queryset=queryset, outcome=outcome)
        finally:
            # What was erased before a failure is logged all the same.
            deletion_log_write(report=report, reason=DeletionReason.ERASURE, outcomes=[outcome])
    hashed = consents_pseudonymise_subject(email=subject)
    if hashed:
        outcome = PurgeOutcome(model=ConsentRecord._meta.label, rows=hashed)
        report.hashed = outcome.total_rows
        deletion_log_write(
            report=report, reason=DeletionReason.PSEUDONYMISATION, outcomes=[outcome]
        )
    return report


def rows_erase(*, queryset) -> RunReport:
    """Delete these rows of a registered model and their files now, as an erasure.

    For an app that lets a person take back one thing they sent (an application withdrawn)
    without erasing everything else held about them. Files go first, then the rows; the
    deletion log counts them (no personal data); the person's consent proofs are hashed
    when nothing else is held about them.
    """
    registration = registration_for(queryset.model)
    emails = set(queryset.order_by().values_list(registration.subject, flat=True).distinct())
    report = RunReport(run_id=uuid.uuid4(), dry_run=False)
    outcome = PurgeOutcome(model=registration.label)
    report.outcomes.append(outcome)
    try:
        rows_purge(registration=registration, queryset=queryset, outcome=outcome)
    finally:
        deletion_log_write(report=report, reason=DeletionReason.ERASURE, outcomes=[outcome])
    hashed = PurgeOutcome(model=ConsentRecord._meta.label)
    for email in emails - {""}:
        hashed.rows.update(consents_pseudonymise(email=email))
    if hashed.rows:
        report.hashed = hashed.total_rows
        deletion_log_write(report=report, reason=DeletionReason.PSEUDONYMISATION, outcomes=[hashed])
    return report

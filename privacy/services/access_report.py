"""The readable answer to an access request (GDPR arts. 12 and 15), in the person's language.

Per purpose: what is held, why, on what basis, since and until when, and where it came from;
then the recipients, including the accesses that actually happened; then the person's rights
and how to complain. The same :class:`AccessReport` is rendered as an HTML page and as a PDF,
and travels in the answer's ZIP beside ``data.json`` (the machine-readable annex, without
internal ids) and the person's files under their original names.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from ..accesses import Access, accesses_for
from ..models import RequestKind
from ..registry import registered_models
from .subjects import SubjectExport, _subject_rows

#: Columns an access answer never shows: they mean something only inside the database.
INTERNAL = ("id", "pk", "purpose_key", "retain_until", "subject_hash", "anonymous_id")


@dataclass
class HeldItem:
    """One record: what kind of record, since and until when, and its values."""

    source: str
    since: str
    until: str
    values: list[tuple[str, str]]


@dataclass
class PurposeSection:
    key: str
    name: str
    why: str
    basis: str
    retention: str
    recipients: str
    items: list[HeldItem] = field(default_factory=list)


@dataclass
class AccessReport:
    email: str
    language: str
    generated_at: str
    controller: str
    sections: list[PurposeSection]
    accesses: list[Access]
    rights: list[str]
    policy_url: str

    @property
    def is_empty(self) -> bool:
        return not any(section.items for section in self.sections)


def _when(value) -> str:
    if isinstance(value, datetime):
        return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if value is None or value == "":
        return ""
    return formats.date_format(value, "DATE_FORMAT")


def _shown_fields(model) -> list[models.Field]:
    return [
        f
        for f in model._meta.concrete_fields
        if not f.primary_key
        and not f.is_relation
        and f.name not in INTERNAL
        and not isinstance(f, (models.FileField,))
    ]


def _value(instance, f: models.Field) -> str:
    value = getattr(instance, f.attname)
    if value in (None, "", [], {}):
        return ""
    if f.choices:
        return str(getattr(instance, f"get_{f.name}_display")())
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, (datetime,)) or hasattr(value, "isoformat"):
        return _when(value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, cls=DjangoJSONEncoder)
    return str(value)


def _since(instance, registration) -> str:
    retention = registration.retention
    if retention and retention.started:
        return _when(getattr(instance, retention.started, None))
    for name in ("created_at", "submitted_at", "recorded_at", "registered_at"):
        if hasattr(instance, name):
            return _when(getattr(instance, name))
    return ""


def _until(instance, registration) -> str:
    if isinstance(registration.expired, str) and "__" not in registration.expired:
        value = getattr(instance, registration.expired, None)
        return _when(value) if value else _("While the purpose lasts (see the retention)")
    return ""


def access_report(*, email: str, language: str) -> AccessReport:
    """What is held about ``email``, per purpose, in ``language``'s words."""
    from ..selectors import controller_name, privacy_policy_url, purpose_get, purpose_notice

    with translation.override(language):
        sections: dict[str, PurposeSection] = {}
        for registration in registered_models():
            rows = list(_subject_rows(registration, email).order_by("pk"))
            if not rows:
                continue
            keys = {}
            if registration.purpose:
                keys = dict(
                    registration.model._default_manager.filter(
                        pk__in=[row.pk for row in rows]
                    ).values_list("pk", registration.purpose)
                )
            for row in rows:
                key = keys.get(row.pk) or getattr(row, "purpose_key", "") or ""
                section = sections.get(key)
                if section is None:
                    purpose = purpose_get(key=key, locale=language) if key else None
                    notice = purpose_notice(purpose, language) if purpose else None
                    section = sections[key] = PurposeSection(
                        key=key,
                        name=purpose.name if purpose else _("Other records"),
                        why=(purpose.description or purpose.consent_text) if purpose else "",
                        basis=notice.legal_basis if notice else "",
                        retention=notice.retention if notice else "",
                        recipients=purpose.recipients if purpose else "",
                    )
                section.items.append(
                    HeldItem(
                        source=str(capfirst(registration.model._meta.verbose_name)),
                        since=_since(row, registration),
                        until=_until(row, registration),
                        values=[
                            (str(capfirst(f.verbose_name)), text)
                            for f in _shown_fields(registration.model)
                            if (text := _value(row, f))
                        ],
                    )
                )
        return AccessReport(
            email=email,
            language=language,
            generated_at=_when(timezone.now()),
            controller=controller_name(),
            sections=list(sections.values()),
            accesses=accesses_for(email),
            rights=[str(label) for _value_, label in RequestKind.choices],
            policy_url=privacy_policy_url(language),
        )


def access_report_html(*, report: AccessReport) -> str:
    with translation.override(report.language):
        return render_to_string("privacy/access_answer.html", {"report": report})


def annex_json(*, export: SubjectExport, missing: list[str] = ()) -> str:
    """``data.json`` for the person: their records, without the database's internal ids."""
    records = {}
    for label, rows in export.records.items():
        if rows:
            records[label] = [
                {k: v for k, v in row.items() if k not in INTERNAL and not k.endswith("_id")}
                for row in rows
            ]
    return json.dumps(
        {
            "subject": export.email,
            "generated_at": timezone.now(),
            "records": records,
            "missing_files": list(missing),
        },
        cls=DjangoJSONEncoder,
        indent=2,
        ensure_ascii=False,
    )


def _original_name(exported) -> str:
    """The name the person gave the file, when its row keeps one beside it (a sibling
    ``original_name``); else the stored name's last part."""
    from django.apps import apps
    from django.core.exceptions import FieldDoesNotExist

    from ..registry import resolve_path

    model = apps.get_model(exported.model)
    prefix = exported.field.rpartition("__")[0]
    path = f"{prefix}__original_name" if prefix else "original_name"
    try:
        resolve_path(model, path)
    except (FieldDoesNotExist, Exception):
        return exported.name.rsplit("/", 1)[-1]
    name = (
        model._default_manager.filter(pk=exported.pk, **{exported.field: exported.name})
        .values_list(path, flat=True)
        .first()
    )
    return name or exported.name.rsplit("/", 1)[-1]


def _unique(name: str, taken: set[str]) -> str:
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    candidate, number = name, 1
    while candidate in taken:
        number += 1
        candidate = f"{stem} ({number}){dot}{extension}"
    taken.add(candidate)
    return candidate


def access_answer_write(*, email: str, language: str, path) -> Path:
    """The readable answer's ZIP: ``answer.html``, ``answer.pdf``, ``data.json`` and
    ``files/`` under their original names, written atomically like the export."""
    import shutil
    import tempfile
    import uuid
    import zipfile

    from .access_pdf import access_report_pdf
    from .subjects import SPOOL_SIZE, subject_export

    export = subject_export(email=email)
    report = access_report(email=email, language=language)
    target = Path(path)
    partial = target.with_name(f".{target.name}.{uuid.uuid4().hex}.part")
    taken: set[str] = set()
    try:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("answer.html", access_report_html(report=report))
            # Without the ``pdf`` extra, the HTML page answers alone.
            with contextlib.suppress(ImportError):
                archive.writestr("answer.pdf", access_report_pdf(report=report))
            missing = []
            for exported in export.files:
                with tempfile.SpooledTemporaryFile(max_size=SPOOL_SIZE) as buffer:
                    try:
                        with exported.storage.open(exported.name, "rb") as source:
                            shutil.copyfileobj(source, buffer)
                    except Exception as error:  # named in data.json, the rest still goes
                        missing.append(f"{_original_name(exported)}: {type(error).__name__}")
                        continue
                    buffer.seek(0)
                    name = _unique(f"files/{_original_name(exported)}", taken)
                    with archive.open(name, "w") as sink:
                        shutil.copyfileobj(buffer, sink)
            archive.writestr("data.json", annex_json(export=export, missing=missing))
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return target

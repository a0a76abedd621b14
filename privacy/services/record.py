"""The record of processing activities (GDPR art. 30(1)), as an officer shows it to the
supervisory authority: one controller's record, with the privacy contact, every purpose.

Built from the same :class:`~privacy.models.Purpose` rows as the policy's register, so the
record and what visitors read never disagree; written as XLSX (openpyxl, which Wagtail's own
spreadsheet exports already depend on) and as PDF (reportlab, the ``pdf`` extra).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from html import escape as html_escape

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import LegalBasis, Purpose
from ..register import retention_in_words

try:  # the ``pdf`` extra
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
except ImportError:  # pragma: no cover - the record is then offered as XLSX alone
    SimpleDocTemplate = None

# (attribute of a RecordEntry, column heading), in the order of GDPR art. 30(1).
COLUMNS = [
    ("name", gettext_lazy("Purpose")),
    ("key", gettext_lazy("Key")),
    ("description", gettext_lazy("Description")),
    ("legal_basis", gettext_lazy("Legal basis")),
    ("interest", gettext_lazy("Legitimate interest pursued")),
    ("interest_assessment", gettext_lazy("Legitimate-interest assessment")),
    ("data_subjects", gettext_lazy("Categories of data subjects")),
    ("data_categories", gettext_lazy("Categories of data")),
    ("recipients", gettext_lazy("Recipients")),
    ("processors", gettext_lazy("Processors")),
    ("transfers", gettext_lazy("Transfers outside the EEA")),
    ("transfer_safeguards", gettext_lazy("Safeguards for the transfers")),
    ("retention", gettext_lazy("Time limit for erasure")),
    ("security_measures", gettext_lazy("Security measures")),
    ("controller_roles", gettext_lazy("Which controller does what")),
]


@dataclass(frozen=True)
class RecordEntry:
    """One processing activity, in the record's language."""

    key: str
    name: str
    description: str
    legal_basis: str
    interest: str
    interest_assessment: str
    data_subjects: str
    data_categories: str
    recipients: str
    processors: str
    transfers: str
    transfer_safeguards: str
    retention: str
    security_measures: str
    controller_roles: str

    @classmethod
    def of(cls, purpose: Purpose) -> RecordEntry:
        interest_based = purpose.legal_basis == LegalBasis.LEGITIMATE_INTEREST
        return cls(
            key=purpose.key,
            name=purpose.name,
            description=purpose.description,
            legal_basis=str(LegalBasis(purpose.legal_basis).label),
            interest=purpose.legitimate_interest if interest_based else "",
            interest_assessment=purpose.interest_assessment if interest_based else "",
            data_subjects=purpose.data_subjects,
            data_categories=purpose.data_categories,
            recipients=purpose.recipients,
            processors=purpose.processors,
            transfers=purpose.transfers or _("None"),
            transfer_safeguards=purpose.transfer_safeguards,
            retention=retention_in_words(purpose),
            security_measures=purpose.security_measures,
            controller_roles=purpose.controller_roles,
        )

    def cells(self) -> list[str]:
        return [getattr(self, name) for name, _label in COLUMNS]


@dataclass(frozen=True)
class Record:
    """One controller's record: who keeps it, whom to ask, and every processing activity."""

    language: str
    controller: dict
    joint_controllers: list[dict]
    arrangement: str
    contact: str
    contact_email: str
    generated_at: datetime
    entries: list[RecordEntry]

    @property
    def title(self) -> str:
        return _("Record of processing activities")

    def header(self) -> list[tuple[str, str]]:
        """The record's opening lines: label and value, in the record's language."""
        lines = [
            (_("Controller"), self.controller["name"]),
            (_("Address"), self.controller["address"]),
            (_("Company number"), self.controller["company_number"]),
        ]
        if self.joint_controllers:
            lines.append(
                (
                    _("Joint controllers"),
                    "; ".join(controller["name"] for controller in self.joint_controllers),
                )
            )
            lines.append((_("Arrangement between the controllers"), self.arrangement))
        lines += [
            (_("Privacy contact"), f"{self.contact}\n{self.contact_email}".strip()),
            (
                _("Drawn up on"),
                formats.date_format(timezone.localtime(self.generated_at), "DATETIME_FORMAT"),
            ),
        ]
        return lines


def record_build(*, controller: int, language: str) -> Record:
    """The record of controller number ``controller`` (its place in the controller identity)
    in ``language``; raises LookupError when there is no such controller."""
    from ..selectors import controller_identity, purposes_chosen

    identity = controller_identity(language)
    controllers = identity.controller_list if identity is not None else []
    if not 0 <= controller < len(controllers):
        raise LookupError(controller)
    with translation.override(language):
        return Record(
            language=language,
            controller=controllers[controller],
            joint_controllers=[c for i, c in enumerate(controllers) if i != controller],
            arrangement=identity.arrangement,
            contact=identity.contact,
            contact_email=identity.contact_email,
            generated_at=timezone.now(),
            entries=[RecordEntry.of(purpose) for purpose in purposes_chosen(locale=language)],
        )


def record_xlsx(*, record: Record) -> bytes:
    """The record as a workbook: the controller's lines, then one row per purpose."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    with translation.override(record.language):
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = str(record.title)[:31]
        sheet.append([record.title])
        sheet["A1"].font = Font(bold=True, size=14)
        for label, value in record.header():
            sheet.append([label, value])
        sheet.append([])
        sheet.append([str(label) for _name, label in COLUMNS])
        heading_row = sheet.max_row
        for cell in sheet[heading_row]:
            cell.font = Font(bold=True)
        for entry in record.entries:
            sheet.append(entry.cells())
        for row in sheet.iter_rows():
            for cell in row:
                # Text an officer typed is text, never a formula.
                if cell.data_type == "f":
                    cell.data_type = "s"
                if cell.row > heading_row:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        for column in sheet.iter_cols(min_row=heading_row, max_row=heading_row):
            sheet.column_dimensions[column[0].column_letter].width = 32
        sheet.freeze_panes = sheet.cell(row=heading_row + 1, column=2)
        buffer = io.BytesIO()
        workbook.save(buffer)
    return buffer.getvalue()


# reportlab's paragraph markup needs only &, < and > escaped.
_escape = partial(html_escape, quote=False)


def record_pdf(*, record: Record) -> bytes:
    """The record as a landscape A4 PDF, one section per purpose; raises ImportError without
    reportlab (the ``pdf`` extra)."""
    if SimpleDocTemplate is None:
        raise ImportError("reportlab is not installed: install chamber-website[pdf].")
    styles = getSampleStyleSheet()

    def para(text, style="BodyText"):
        return Paragraph(_escape(str(text)).replace("\n", "<br/>"), styles[style])

    with translation.override(record.language):
        story = [para(record.title, "Title")]
        for label, value in record.header():
            story.append(para(f"{label}: {value}"))
        for entry in record.entries:
            story.append(para(entry.name, "Heading2"))
            for (name, label), value in zip(COLUMNS, entry.cells(), strict=True):
                if name != "name" and value:
                    story.append(para(f"{label}: {value}"))
        story.append(Spacer(1, 12))
        buffer = io.BytesIO()
        SimpleDocTemplate(buffer, pagesize=landscape(A4), title=str(record.title)).build(story)
    return buffer.getvalue()


def record_filename(*, record: Record, extension: str) -> str:
    """``record-of-processing-<controller>-<date>.<extension>``, ASCII only."""
    from django.utils.text import slugify

    name = slugify(record.controller["name"])[:60] or "controller"
    return f"record-of-processing-{name}-{record.generated_at:%Y-%m-%d}.{extension}"

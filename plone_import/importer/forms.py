"""An easyform (or PloneFormGen form) as a form page of the forms plugin, and its saved rows.

The page is imported as a draft with the inbox and purpose given (``--inbox``,
``--purpose``), so an editor checks what it says before it goes live. Saved rows come in only
with ``--submissions``: each becomes a submission under the inbox's purpose with its
original date, so retention counts from then; no consent is recorded for any of them. A file a
row holds is checked as a visitor's upload to that field is (kind, size, virus scan) and
stored with the submission; one that fails the check is left out and reported.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime

from django.utils import timezone

from .. import conf
from ..easyform import form_fields_from_model
from ..models import ImportedItem


def _item_error(message: str):
    from .errors import ItemError

    return ItemError(message)


def _inbox_and_purpose(imp):
    from forms.models import Inbox
    from privacy.models import Purpose

    inbox_name = imp.options.inbox or conf.default_inbox()
    inbox = (
        Inbox.objects.select_related("purpose").filter(name=inbox_name).first()
        if inbox_name
        else None
    )
    if inbox is None:
        raise _item_error(f"no inbox named {inbox_name!r}: name one with --inbox")
    key = imp.options.purpose or conf.default_purpose()
    purposes = Purpose.objects.filter(key=key)
    purpose = (
        purposes.filter(locale__language_code=imp.default_language).first() or purposes.first()
    )
    if purpose is None:
        raise _item_error(f"no purpose with the key {key!r}: name one with --purpose")
    return inbox, purpose


def event_inbox(imp):
    """The inbox an imported event names (``PLONE_IMPORT_EVENT_INBOX``, else the forms')."""
    from forms.models import Inbox

    name = conf.event_inbox() or imp.options.inbox or conf.default_inbox()
    inbox = Inbox.objects.filter(name=name).first() if name else None
    if inbox is None:
        raise _item_error(f"no inbox named {name!r} for events: set PLONE_IMPORT_EVENT_INBOX")
    return inbox


def _key(name: str) -> str:
    value = re.sub(r"[^a-z0-9_]", "_", str(name).lower()).strip("_")[:64]
    return value if value[:1].isalpha() else f"field_{value}"[:64]


def form_page_fill(handlers, page, node, item) -> None:
    """Fields, inbox, texts; the page stays a draft."""
    from forms.admin_forms import field_problems
    from forms.models import FieldType

    imp = handlers.imp
    inbox, purpose = _inbox_and_purpose(imp)
    specs, warnings = form_fields_from_model(str(item.get("fields_model") or ""))
    for warning in warnings:
        imp.warn(warning)
    for name in ("actions_model",):
        if "TALES" in str(item.get(name) or "") or "tal:" in str(item.get(name) or ""):
            imp.warn("TALES overrides in the form's actions were left out")
    field_model = type(page)._meta.get_field("form_fields").related_model
    fields = []
    subject_marked = False
    for order, spec in enumerate(specs):
        key = _key(spec.clean_name)
        is_email = spec.field_type == FieldType.EMAIL
        field = field_model(
            sort_order=order,
            label=str(spec.label)[:255],
            key=key,
            field_type=spec.field_type,
            required=bool(spec.required),
            choices="\n".join(spec.choices or []),
            default_value=str(spec.default_value or ""),
            help_text=str(spec.help_text or ""),
            is_subject_email=is_email and not subject_marked,
            locale=page.locale,
        )
        subject_marked = subject_marked or is_email
        fields.append(field)
    purposes = [purpose] + ([inbox.purpose] if inbox.purpose_id != purpose.pk else [])
    for extra, stated in enumerate(purposes):
        fields.append(
            field_model(
                sort_order=len(specs) + extra,
                label=str(stated.name)[:255],
                key=_key(f"purpose_{stated.key}"),
                field_type=FieldType.PURPOSE,
                required=False,
                purpose=stated,
                locale=page.locale,
            )
        )
    for _field, _attribute, message in field_problems(fields, inbox_purpose=inbox.purpose):
        imp.warn(f"form: {message}")
    page.inbox = inbox
    page.form_fields = fields
    from html import escape

    prologue = item.get("formPrologue")
    prologue = prologue.get("data") if isinstance(prologue, dict) else prologue
    if prologue:
        page.intro = handlers.convert(node, {"text": {"data": prologue}}, again=True).as_rich_text()
    thanks = item.get("thanksdescription") or item.get("thankstitle") or ""
    if thanks:
        page.thank_you_text = f"<p>{escape(str(thanks))}</p>"
    # An editor checks the purposes and the inbox before the form goes live.
    item["review_state"] = "private"


def _row_time(row_id, row: dict) -> datetime | None:
    try:
        return datetime.fromtimestamp(int(row_id) / 1000, tz=UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def submissions_import(handlers, page, node, item) -> None:
    """Each saved row once (a re-run skips rows already imported, and rows retention has
    deleted since stay deleted)."""
    from forms.models import FieldType
    from forms.services import SubmissionInput, SubmissionNotStored, submission_create
    from privacy.services import normalise_email

    imp = handlers.imp
    storage = item.get("savedDataStorage") or {}
    if not isinstance(storage, dict):
        return
    fields = {f.key: f for f in page.form_fields.all()}
    # Saved rows hold answers under the Plone field's name, choices under their tokens.
    specs = {
        (spec.name or spec.clean_name): spec
        for spec in form_fields_from_model(str(item.get("fields_model") or ""))[0]
    }
    now = timezone.now()
    for adapter, rows in storage.items():
        if not isinstance(rows, dict):
            continue
        for row_id, row in rows.items():
            uid = (
                "row:" + hashlib.sha256(f"{node.uid}:{adapter}:{row_id}".encode()).hexdigest()[:56]
            )
            if ImportedItem.objects.filter(uid=uid).exists():
                imp.report.submissions["already imported"] += 1
                continue
            when = _row_time(row_id, row if isinstance(row, dict) else {})
            if when is None or not isinstance(row, dict):
                imp.warn(f"saved row {row_id} has no date and was left out")
                continue
            answers, email, files = {}, "", []
            for name, value in row.items():
                spec = specs.get(name)
                key = _key(spec.clean_name) if spec is not None else _key(name)
                if spec is not None and getattr(spec, "choice_values", None):
                    tokens = spec.choice_values
                    if isinstance(value, list):
                        value = [tokens.get(v, v) for v in value]
                    elif isinstance(value, str):
                        value = tokens.get(value, value)
                field = fields.get(key)
                if field is None or field.field_type == FieldType.PURPOSE:
                    continue
                if field.field_type == FieldType.FILE:
                    upload = _row_file(imp, node, page, field, value, row_id)
                    answers[key] = upload.checked.original_name if upload else ""
                    if upload is not None:
                        files.append((key, upload))
                    continue
                answers[key] = value
                if field.is_subject_email and isinstance(value, str) and "@" in value:
                    email = normalise_email(value)
            try:
                submission = submission_create(
                    data=SubmissionInput(
                        page=page,
                        locale=page.locale.language_code,
                        answers=answers,
                        files=files,
                        subject_email=email,
                        submitted_at=when,
                        ends_at=page.submission_ends_at(),
                        notify=False,
                    )
                )
            except SubmissionNotStored as error:
                imp.warn(f"saved row {row_id} was not stored: {error}")
                continue
            ImportedItem.objects.create(
                uid=uid,
                portal_type="savedData",
                path=node.rel[:1000],
                checksum="",
                target=submission,
                run=imp.run_record,
            )
            imp.report.submissions["imported"] += 1
            if submission.retain_until is not None and submission.retain_until <= now:
                imp.report.submissions["expired"] += 1


def _row_file(imp, node, page, field, value, row_id):
    """A saved row's file as an upload the form's file field has checked, or None.

    easyform keeps a file answer as a file field's value, exported as Plone exports any
    blob (base64 data, or a blob path in the export)."""
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    from forms.files import ALL_KINDS, check_upload

    from ..source import BlobMissing

    if not value:
        return None
    if not isinstance(value, dict):
        imp.warn(f"saved row {row_id}: the file of {field.key!r} is not in the export")
        return None
    try:
        data = imp.source.blob(node.location, value)
    except BlobMissing as missing:
        imp.warn(f"saved row {row_id}: the file of {field.key!r} is missing: {missing}")
        return None
    name = str(value.get("filename") or "file")
    upload = SimpleUploadedFile(name, data, str(value.get("content-type") or ""))
    try:
        upload.checked = check_upload(
            upload,
            kinds=field.allowed_kinds or ALL_KINDS,
            max_size=field.max_file_size_bytes,
            form_id=page.pk,
            field_key=field.key,
        )
    except ValidationError as error:
        imp.warn(f"saved row {row_id}: the file {name!r} was left out: {' '.join(error.messages)}")
        return None
    upload.seek(0)
    return upload

"""Reads the admin views, the API and exports share: who sees which inbox, how answers read."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils.formats import date_format
from wagtail.models import Page

from .constants import PERMISSION_VIEW_DOWNLOAD_LOG
from .models import FieldType, FileDownloadLog, FormSubmission, Inbox, form_page_models


def inboxes_for_user(user) -> QuerySet[Inbox]:
    """The inboxes ``user`` may read: their groups' ones, or all for a superuser."""
    if not user.is_authenticated or not user.is_active:
        return Inbox.objects.none()
    inboxes = Inbox.objects.select_related("group", "purpose")
    if user.is_superuser:
        return inboxes
    return inboxes.filter(group__in=user.groups.all())


def inboxes_with_counts(user) -> QuerySet[Inbox]:
    return inboxes_for_user(user).annotate(
        submission_count=Count("submissions"),
        unhandled_count=Count("submissions", filter=Q(submissions__handled_at__isnull=True)),
    )


def download_log(user) -> QuerySet[FileDownloadLog]:
    """Every file download, for auditors (``forms.view_filedownloadlog``); none otherwise."""
    if not user.is_active or not user.has_perm(PERMISSION_VIEW_DOWNLOAD_LOG):
        return FileDownloadLog.objects.none()
    return FileDownloadLog.objects.all()


def _display(value) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, datetime.date):
        return date_format(value, "SHORT_DATE_FORMAT")
    return str(value)


@dataclass(frozen=True)
class Answer:
    key: str
    label: str
    value: str


def inbox_in_use(inbox: Inbox) -> bool:
    """Whether submissions, or form pages of any type, still point at ``inbox``."""
    if FormSubmission.objects.filter(inbox=inbox).exists():
        return True
    return any(model.objects.filter(inbox=inbox).exists() for model in form_page_models())


def form_labels(page: Page | None) -> dict[str, str]:
    """The source page's labels by key: one vocabulary for every translation's answers."""
    if page is None:
        return {}
    page = page.specific_deferred if type(page) is Page else page
    get_fields = getattr(page, "get_form_fields", None)
    if get_fields is None:
        return {}
    return {
        field.form_key: field.label
        for field in get_fields()
        if field.field_type != FieldType.PURPOSE
    }


def submission_answers(submission: FormSubmission, labels: dict[str, str] | None = None):
    """The answers in the form's field order, labelled; values as plain text.

    Values are returned unescaped; templates escape them, CSV is not HTML.
    """
    labels = form_labels(submission.page) if labels is None else labels
    answers = submission.answers or {}
    ordered = [key for key in labels if key in answers] + [k for k in answers if k not in labels]
    return [Answer(key, labels.get(key, key), _display(answers[key])) for key in ordered]


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value) -> str:
    """A spreadsheet shows a cell starting with ``=``, ``+``, ``-`` or ``@`` as a formula;
    a visitor's answer must stay text, so such cells get a leading apostrophe."""
    text = _display(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def export_rows(inbox: Inbox, submissions: QuerySet[FormSubmission]) -> Iterator[list[str]]:
    """CSV rows: a header, then one row per submission, columns keyed by field key."""
    keys: dict[str, str] = {}
    pages = FormSubmission.objects.filter(inbox=inbox).values("page")
    for page in Page.objects.filter(pk__in=pages).specific():
        for key, label in form_labels(page).items():
            keys.setdefault(key, label)
    yield [
        _csv_cell(cell)
        for cell in ("id", "form", "language", "submitted_at", "handled_at", "e-mail", *keys)
    ]
    for submission in submissions.iterator(chunk_size=500):
        answers = submission.answers or {}
        # Every cell is escaped, not only the answers: an e-mail address may itself start
        # with "=" (``=cmd|'/ccalc'!a0@example.org`` is a valid one).
        yield [
            _csv_cell(cell)
            for cell in (
                str(submission.pk),
                submission.form_title,
                submission.locale,
                submission.submitted_at.isoformat(),
                submission.handled_at.isoformat() if submission.handled_at else "",
                submission.subject_email,
                *(answers.get(key) for key in keys),
            )
        ]

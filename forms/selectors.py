"""Reads the admin views, the API and exports share: who sees which inbox, how answers read."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Min, Q, QuerySet
from django.utils import translation
from django.utils.formats import date_format
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction

from privacy.selectors import consent_decision_label, consents_for_source, purpose_get

from .cache import cached
from .constants import default_language
from .models import (
    FieldType,
    FormSubmission,
    Inbox,
    SubmissionFile,
    form_page_models,
    without_record,
)
from .permissions import submission_policy


def source_pages(model) -> QuerySet:
    """Each page of a form page type once, as the translation its submissions are filed
    under (``get_source_page``: the default language's, else the oldest), in two queries
    however many pages there are."""
    pages = model._default_manager.all()
    default = pages.filter(locale__language_code=default_language())
    oldest = (
        pages.exclude(translation_key__in=default.values("translation_key"))
        .values("translation_key")
        .annotate(first=Min("pk"))
        .values("first")
    )
    return pages.filter(Q(pk__in=default.values("pk")) | Q(pk__in=oldest))


def inbox_submissions(queryset=None) -> QuerySet[FormSubmission]:
    """The submissions an inbox lists: not those an app keeps a record of (applications,
    registrations), which its own area lists, in its own words."""
    queryset = FormSubmission.objects.all() if queryset is None else queryset
    return queryset.filter(without_record())


def inboxes_with_counts(user) -> QuerySet[Inbox]:
    """The inboxes ``user`` reads, each with its total and open submission counts.

    Counted and listed are the inbox's own submissions (:func:`inbox_submissions`); an inbox
    whose every submission is read in an app's area (the recruitment inbox) is left out,
    as it has nothing to list here.
    """
    own = without_record("submissions__")
    return (
        submission_policy.inboxes_for_user(user)
        .annotate(
            submission_count=Count("submissions", filter=own),
            unhandled_count=Count(
                "submissions", filter=own & Q(submissions__handled_at__isnull=True)
            ),
            elsewhere_count=Count("submissions", filter=~own),
        )
        .exclude(submission_count=0, elsewhere_count__gt=0)
    )


def display_value(value) -> str:
    """An answer as plain text (unescaped: templates escape, spreadsheets are not HTML)."""
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
    # A file's answer (its name) links to its logged download where the reader may open it.
    url: str = ""


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


def _reader_locale() -> Locale | None:
    """The content locale matching the active (admin user's) language, if there is one."""
    try:
        code = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return None
    return Locale.objects.filter(language_code=code).first()


def page_in_language(page: Page, code: str) -> Page:
    """``page``'s live translation in the language ``code``, else ``page`` itself: what a
    person reads, and a mail to them links to, in their language where there is one."""
    locale = Locale.objects.filter(language_code=code).first()
    translated = page.get_translation_or_none(locale) if locale is not None else None
    return translated if translated is not None and translated.live else page


def in_locale(objects: list, locale_id, *, queryset: QuerySet | None = None) -> list:
    """``objects`` (snippets shown on a page) each as its translation in ``locale_id`` where
    there is one, else as it is; in one query (of ``queryset``, to fetch related rows along),
    in the same order."""
    wanted = {obj.translation_key for obj in objects if obj.locale_id != locale_id}
    if not wanted:
        return list(objects)
    queryset = type(objects[0])._default_manager.all() if queryset is None else queryset
    translated = {
        obj.translation_key: obj
        for obj in queryset.filter(translation_key__in=wanted, locale_id=locale_id)
    }
    return [translated.get(obj.translation_key, obj) for obj in objects]


def form_labels_for_reader(page: Page | None) -> dict[str, str]:
    """Labels in the reader's language: the form's translation in it when there is one.

    Keys are shared by all translations, so a label missing from the translation (a field
    not yet translated) falls back to the source page's.
    """
    labels = form_labels(page)
    locale = _reader_locale()
    if page is None or locale is None or page.locale_id == locale.pk:
        return labels
    translated = page.get_translation_or_none(locale)
    if translated is None:
        return labels
    return {**labels, **{k: v for k, v in form_labels(translated).items() if k in labels}}


def submission_answers(submission: FormSubmission, labels: dict[str, str] | None = None):
    """The answers in the form's field order, labelled; values as plain text."""
    labels = form_labels(submission.page) if labels is None else labels
    answers = submission.answers or {}
    ordered = [key for key in labels if key in answers] + [k for k in answers if k not in labels]
    return [Answer(key, labels.get(key, key), display_value(answers[key])) for key in ordered]


def submission_answers_for_reader(submission: FormSubmission) -> list[Answer]:
    return submission_answers(submission, form_labels_for_reader(submission.page))


def inbox_answer_labels(inbox: Inbox) -> dict[str, str]:
    """Every answer key the inbox's forms ask, with its source label: the export's columns."""
    keys: dict[str, str] = {}
    pages = (
        FormSubmission.objects.filter(inbox=inbox, page__isnull=False)
        .order_by("page_id")
        .values_list("page_id", flat=True)
        .distinct()
    )
    for page in Page.objects.filter(pk__in=list(pages)).specific():
        for key, label in form_labels(page).items():
            keys.setdefault(key, label)
    return keys


@dataclass(frozen=True)
class PurposeChoice:
    """What the person chose for one purpose, and the words they were shown."""

    name: str
    decision: str
    text_shown: str
    recorded_at: datetime.datetime


def consent_source_ref(submission: FormSubmission) -> str:
    return f"forms.FormSubmission:{submission.pk}"


def submission_files_for_reader(submission: FormSubmission, *, url) -> list[SubmissionFile]:
    """The submission's files, each with its ``download_url`` (``url(attachment)``): what
    ``forms/admin/includes/files.html`` lists, for the inbox and any app's own detail."""
    attachments = list(submission.attachments.all())
    for attachment in attachments:
        attachment.download_url = url(attachment)
    return attachments


def submission_consents(submission: FormSubmission) -> list[PurposeChoice]:
    """Each purpose of the submission with the reader's-language name of the purpose."""
    choices = []
    for record in consents_for_source(source_ref=consent_source_ref(submission)):
        purpose = purpose_get(key=record.purpose_key) or record.purpose
        choices.append(
            PurposeChoice(
                name=purpose.name,
                decision=consent_decision_label(record),
                text_shown=record.text_shown,
                recorded_at=record.recorded_at,
            )
        )
    return choices


def file_downloads_of(email: str) -> list:
    """Who downloaded the files a person sent, for their access answer (GDPR art. 15(1)(c)):
    registered with privacy's access sources by the app's ``ready``."""
    from django.utils.translation import gettext as _

    from privacy.accesses import Access

    from .models import FileDownloadLog, FormSubmission

    submissions = FormSubmission.objects.filter(subject_email=email).values("pk")
    downloads = FileDownloadLog.objects.filter(submission_pk__in=submissions).select_related("file")
    return [
        Access(
            at=download.downloaded_at,
            who=_("a member of staff (%(user)s)") % {"user": download.username},
            what=_("downloaded the file %(name)s you sent")
            % {"name": download.file.original_name if download.file else _("(deleted since)")},
        )
        for download in downloads
    ]


def submission_consent(*, submission: FormSubmission, purpose_key: str):
    """The consent to ``purpose_key`` the submission's form recorded (its proof in the
    ledger, for the rows an app keeps under it), or None when it was not given."""
    from privacy.models import ConsentDecision, ConsentRecord

    recorded = getattr(submission, "consent_records", None)
    if recorded is not None:
        # Handed over by the forms flow that stored them: no need to read them back.
        given = [
            record
            for record in recorded
            if record.purpose_key == purpose_key and record.decision == ConsentDecision.GIVEN
        ]
        return given[-1] if given else None
    return (
        ConsentRecord.objects.filter(
            subject_email=submission.subject_email,
            purpose_key=purpose_key,
            decision=ConsentDecision.GIVEN,
            source_ref=consent_source_ref(submission),
        )
        .order_by("-pk")
        .first()
    )


def view_restrictions_exist() -> bool:
    """Whether any page of the site is private (a Wagtail view restriction, on it or on an
    ancestor). Every request of a form page asks, in queries of its own, and a site without
    a private page answers no every time: the answer is kept with the form definitions,
    whose version a restriction added or removed retires (:class:`forms.apps.FormsConfig`)."""
    return cached("view-restrictions", PageViewRestriction.objects.exists)

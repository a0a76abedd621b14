"""Everything in forms with side effects: storing submissions, handling them, telling inboxes.

Both the HTML form (``FormPage.process_form_submission``) and the headless API call
:func:`submission_create` with a bound, valid form from ``page.get_form(...)``.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import (
    Case,
    DateTimeField,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.db.models.lookups import GreaterThanOrEqual
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from privacy.models import ConsentDecision, ConsentRecord, RetentionStart
from privacy.services import consents_record, normalise_email

from .builder import CAPTCHA_FIELD_NAME, PrivateFileField, PurposeField
from .models import FormPage, FormSubmission, Inbox, SubmissionFile
from .models.submissions import private_storage

logger = logging.getLogger(__name__)


HANDLING_STARTS = (RetentionStart.DECISION, RetentionStart.LAST_CONTACT)


class SubmissionNotStored(Exception):
    """Storing failed (a file could not be written, the database refused); nothing was kept."""


def _answer(value):
    # Dates, decimals and lists go into JSON as the DjangoJSONEncoder writes them.
    if isinstance(value, set | tuple):
        return list(value)
    return value


def _subject_email(form) -> str:
    # The builder marks the subject's field on the form it built from the page's fields.
    for name, field in form.fields.items():
        if getattr(field, "is_subject_email", False):
            value = form.cleaned_data.get(name) or ""
            return normalise_email(value) if value else ""
    return ""


def _inbox_of(*, page: FormPage, source_page: FormPage, form) -> Inbox | None:
    # The source page's inbox when it has one. The API loads pages with the inbox and its
    # purpose already; retention is computed from that purpose before anything is stored.
    owner = source_page if source_page.inbox_id else page
    if owner.inbox_id is None:
        return None
    if FormPage.inbox.is_cached(owner):
        return owner.inbox
    try:
        inbox = Inbox.objects.get(pk=owner.inbox_id)
    except Inbox.DoesNotExist:
        return None
    # A form usually asks consent for the purpose its inbox keeps submissions under: the
    # row the form was built with serves then; any other purpose loads when first read.
    for field in form.fields.values():
        purpose = getattr(field, "purpose", None)
        if isinstance(field, PurposeField) and purpose and purpose.pk == inbox.purpose_id:
            inbox.purpose = purpose
            break
    return inbox


def retain_until_for(
    *,
    inbox: Inbox,
    submitted_at: datetime,
    handled_at: datetime | None,
    granted: bool = False,
    withdrawn_at: datetime | None = None,
) -> datetime | None:
    """When a submission must be gone under its inbox's purpose (None: not while consent lasts).

    A purpose counting from the decision (or from the last contact, which handling is)
    counts from the handling once there is one, and from the submission until then:
    nothing is kept forever because nobody handled it. A purpose counting from withdrawal
    keeps the submission while the subject's grant stands (``granted``), counts from
    ``withdrawn_at`` once it is withdrawn, and from the submission when there was no grant.
    """
    purpose = inbox.purpose
    if purpose.retention_from == RetentionStart.WITHDRAWAL:
        if withdrawn_at is not None and withdrawn_at >= submitted_at:
            return purpose.retain_until(withdrawn_at)
        if granted:
            return None
        return purpose.retain_until(submitted_at)
    start = submitted_at
    if handled_at is not None and purpose.retention_from in HANDLING_STARTS:
        start = handled_at
    return purpose.retain_until(start)


def _grant_stands(*, inbox: Inbox, decisions: dict, email: str) -> bool:
    """Whether the subject holds a grant, not withdrawn, for the inbox's purpose."""
    key = inbox.purpose.key
    if any(
        purpose.key == key and decision == ConsentDecision.GIVEN
        for purpose, decision in decisions.items()
    ):
        return True
    if not email:
        return False
    return ConsentRecord.objects.filter(
        subject_email=email, purpose_key=key, granted=True, withdrawn_at__isnull=True
    ).exists()


def submission_create(*, page: FormPage, form, locale: str) -> FormSubmission:
    """Store a valid form's answers, files and consents as one submission, or nothing.

    Files are written to the ``private`` storage under random keys before the transaction
    commits; when anything fails, the files already written are deleted again and
    :class:`SubmissionNotStored` is raised. The inbox is told after the commit.
    """
    source_page = page.get_source_page()
    inbox = _inbox_of(page=page, source_page=source_page, form=form)
    if inbox is None:
        raise SubmissionNotStored(f"Form page {page.pk} has no inbox.")

    answers, uploads, decisions = {}, [], {}
    for name, field in form.fields.items():
        value = form.cleaned_data.get(name)
        if name == CAPTCHA_FIELD_NAME:
            continue
        if isinstance(field, PurposeField):
            # The ledger holds every decision shown: a ticked box is a grant, a box left
            # unticked a refusal (it withdraws nothing given elsewhere; withdrawal is
            # ``consent_withdraw``'s alone), a notice an "informed".
            if field.purpose is not None:
                decisions[field.purpose] = field.decision(value)
            continue
        if isinstance(field, PrivateFileField):
            if value:
                uploads.append((name, value))
            answers[name] = value.checked.original_name if value else ""
            continue
        answers[name] = _answer(value)

    now = timezone.now()
    email = _subject_email(form)
    storage = private_storage()
    stored: list[str] = []
    try:
        with transaction.atomic():
            submission = FormSubmission.objects.create(
                page=source_page,
                translation_page=page,
                form_title=source_page.title,
                inbox=inbox,
                locale=locale,
                answers=answers,
                subject_email=email,
                submitted_at=now,
                retain_until=retain_until_for(
                    inbox=inbox,
                    submitted_at=now,
                    handled_at=None,
                    granted=inbox.purpose.retention_from == RetentionStart.WITHDRAWAL
                    and _grant_stands(inbox=inbox, decisions=decisions, email=email),
                ),
            )
            for key, upload in uploads:
                checked = upload.checked
                attachment = SubmissionFile(
                    submission=submission,
                    field_key=key,
                    original_name=checked.original_name,
                    kind=checked.kind,
                    size=checked.size,
                    sha256=checked.sha256,
                    scan_status=checked.scan_status,
                )
                upload.seek(0)
                attachment.file.save(checked.original_name, upload, save=False)
                stored.append(attachment.file.name)
                attachment.save()
            if decisions:
                subject = (
                    {"email": email}
                    if email
                    else {"anonymous_id": f"forms.FormSubmission:{submission.pk}"}
                )
                consents_record(
                    decisions=decisions,
                    locale=locale,
                    source="form",
                    source_ref=f"forms.FormSubmission:{submission.pk}",
                    **subject,
                )
            transaction.on_commit(lambda: submission_notify(submission=submission))
    except Exception as error:
        for name in stored:
            try:
                storage.delete(name)
            except Exception:
                logger.exception("Could not remove %s after a failed submission", name)
        logger.exception("Submission to form page %s was not stored", page.pk)
        raise SubmissionNotStored(str(error)) from error
    return submission


def submission_admin_url(submission: FormSubmission) -> str:
    path = reverse("forms_inboxes:submission", args=[submission.pk])
    return urljoin(settings.WAGTAILADMIN_BASE_URL, path)


def submission_notify(*, submission: FormSubmission) -> None:
    """Tell the inbox a submission arrived: the form's name and a link, no answers, no files."""
    address = submission.inbox.notification_address
    if not address:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("New submission: %(form)s") % {"form": submission.form_title}
        body = _(
            "A new submission of the form “%(form)s” arrived in the inbox “%(inbox)s”.\n\n"
            "Read it in the admin (sign-in required):\n%(url)s\n"
        ) % {
            "form": submission.form_title,
            "inbox": submission.inbox.name,
            "url": submission_admin_url(submission),
        }
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
    except Exception:
        # The submission is stored and visible in the inbox; a mail outage must not undo it.
        logger.exception("Notification for submission %s could not be sent", submission.pk)


def submission_mark_handled(*, submission: FormSubmission, user) -> FormSubmission:
    """Record who handled the submission and when; retention may now count from then."""
    now = timezone.now()
    submission.handled_by = user
    submission.handled_at = now
    fields = ["handled_by", "handled_at"]
    # Only a purpose counting from the decision moves; one counting from withdrawal keeps
    # what consent decided.
    if submission.inbox.purpose.retention_from in HANDLING_STARTS:
        submission.retain_until = retain_until_for(
            inbox=submission.inbox, submitted_at=submission.submitted_at, handled_at=now
        )
        fields.append("retain_until")
    submission.save(update_fields=fields)
    return submission


def _after(start, delta: timedelta):
    return ExpressionWrapper(
        start + Value(delta, output_field=DurationField()), output_field=DateTimeField()
    )


def submissions_retention_refresh(*, purpose_key: str) -> int:
    """Recompute ``retain_until`` of every submission kept under purpose ``purpose_key``.

    Called when the purpose's retention changed. One UPDATE per inbox does it in the
    database, whatever the number of rows; returns how many rows were updated.
    """
    updated = 0
    inboxes = Inbox.objects.filter(purpose__key=purpose_key).select_related("purpose")
    for inbox in inboxes:
        purpose, delta = inbox.purpose, inbox.purpose.retention_delta
        submissions = FormSubmission.objects.filter(inbox=inbox)
        if purpose.retention_from in HANDLING_STARTS:
            value = _after(Coalesce(F("handled_at"), F("submitted_at")), delta)
        elif purpose.retention_from == RetentionStart.WITHDRAWAL:
            grants = ConsentRecord.objects.filter(
                subject_email=OuterRef("subject_email"), purpose_key=purpose.key, granted=True
            )
            withdrawn = Subquery(
                grants.filter(withdrawn_at__isnull=False)
                .order_by("-withdrawn_at")
                .values("withdrawn_at")[:1],
                output_field=DateTimeField(),
            )
            value = Case(
                When(subject_email="", then=_after(F("submitted_at"), delta)),
                When(Exists(grants.filter(withdrawn_at__isnull=True)), then=Value(None)),
                When(
                    GreaterThanOrEqual(withdrawn, F("submitted_at")),
                    then=_after(withdrawn, delta),
                ),
                default=_after(F("submitted_at"), delta),
                output_field=DateTimeField(),
            )
        else:
            value = _after(F("submitted_at"), delta)
        updated += submissions.update(retain_until=value)
    return updated


def submissions_consent_withdrawn(*, email: str, purpose_key: str, withdrawn_at: datetime) -> int:
    """Start the retention of ``email``'s submissions kept until consent is withdrawn.

    Only inboxes whose purpose (``purpose_key``) counts from withdrawal change; their
    submissions made up to the withdrawal are kept for the retention period from then.
    """
    updated = 0
    inboxes = Inbox.objects.filter(
        purpose__key=purpose_key, purpose__retention_from=RetentionStart.WITHDRAWAL
    ).select_related("purpose")
    for inbox in inboxes:
        updated += FormSubmission.objects.filter(
            inbox=inbox, subject_email=email, submitted_at__lte=withdrawn_at
        ).update(retain_until=inbox.purpose.retain_until(withdrawn_at))
    return updated


def file_download_log(*, attachment: SubmissionFile, user) -> None:
    from .models import FileDownloadLog

    FileDownloadLog.objects.create(
        user=user,
        username=user.get_username(),
        file=attachment,
        file_pk=attachment.pk,
        submission_pk=attachment.submission_id,
    )

"""Storing submissions and what changes them afterwards (handled, retention, a consent given).

Both the HTML form (``AbstractFormPage.process_form_submission``) and the headless API build
a :class:`SubmissionInput` from a bound, valid form (``page.submission_input(form)``) and
call :func:`submission_create` with it. This module knows no page model: it works for any
subclass of :class:`forms.models.AbstractFormPage`.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from privacy.links import LinkRestricted
from privacy.models import ConsentDecision, ConsentSource, Purpose
from privacy.selectors import purpose_get, subject_restricted
from privacy.services import (
    consent_record,
    consent_refuse,
    consents_record,
    normalise_email,
    retention_compute,
)
from privacy.services.preferences import email_consents_defer

from ..builder import CAPTCHA_FIELD_NAME, PrivateFileField, PurposeField
from ..cache import cached
from ..constants import HONEYPOT_FIELD_NAME, submission_ref
from ..models.inbox import Inbox
from ..models.submissions import FormSubmission, SubmissionFile, private_storage
from .records import consent_bound_delete

if TYPE_CHECKING:
    from ..models import AbstractFormPage

logger = logging.getLogger(__name__)


class SubmissionNotStored(Exception):
    """Storing failed (a file could not be written, the database refused); nothing was kept."""


class SubmissionRefused(Exception):
    """The page refuses this submission for a reason the sender can read; nothing was kept.

    Raised by a page's ``submission_created`` inside the storing transaction (an event
    already full for this address, a registration closed a moment ago), or by its
    ``submission_store`` before anything is stored. The HTML form shows ``message`` above
    the form and the API answers 409 with it: the request was valid, the page's state
    refuses it.
    """

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class SubmissionWithheld(SubmissionRefused):
    """Not stored, yet answered as if it were: the reason must not be told.

    Raised by a page's ``submission_created`` when telling the sender why would reveal what
    the site holds about someone else (an address already registered for an event: "already
    registered" tells anyone whether that person attends). It is rolled back like any
    refusal and handed to ``submission_refused`` (which writes to the address's owner, not
    to the sender); the HTML form then redirects to the thank-you page and the API answers
    201, as for a first submission.
    """

    def __init__(self):
        super().__init__("")


CONSENT_WORDING_CHANGED = gettext_lazy(
    "The wording of this consent has changed since the page was opened. Nothing was "
    "changed; please read it again before you choose."
)


class ConsentWordingChanged(Exception):
    """A consent given on words the site no longer shows; nothing was recorded."""


def _answer(value):
    # Dates, decimals and lists go into JSON as the DjangoJSONEncoder writes them.
    if isinstance(value, set | tuple):
        return list(value)
    return value


@dataclass(frozen=True, kw_only=True)
class SubmissionInput:
    """What one visitor sent to one form page, cleaned: everything a submission is made of.

    ``page`` is the page filled in (any translation of an ``AbstractFormPage`` subclass);
    ``answers`` the JSON-ready answers by field key; ``files`` the uploads as
    ``(field key, upload)`` whose ``upload.checked`` holds what ``PrivateFileField`` found;
    ``decisions`` what the visitor chose per purpose: given or refused for a consent box,
    informed for a notice shown (:func:`privacy.services.consent_given` reads them).
    """

    page: AbstractFormPage
    locale: str
    answers: Mapping[str, Any] = field(default_factory=dict)
    files: Sequence[tuple[str, UploadedFile]] = ()
    decisions: Mapping[Purpose, ConsentDecision] = field(default_factory=dict)
    subject_email: str = ""
    ends_at: datetime | None = None
    # A submission brought in from elsewhere (an imported form's saved rows) keeps the date
    # it was sent, which retention counts from, and tells nobody: it is not news.
    submitted_at: datetime | None = None
    notify: bool = True
    # Where the decisions were made: the site's own form, or a headless front end (``api``).
    consent_source: str = ConsentSource.FORM
    # Answers the page type stores itself, never among ``answers`` (its
    # ``answers_kept_apart``): its ``submission_created`` reads them here.
    kept_apart: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def from_form(cls, *, page, form) -> SubmissionInput:
        """Sort a valid form's cleaned data into answers, files and consent decisions."""
        answers, files, decisions, email = {}, [], {}, ""
        for name, formfield in form.fields.items():
            value = form.cleaned_data.get(name)
            if name in (CAPTCHA_FIELD_NAME, HONEYPOT_FIELD_NAME):
                continue
            if isinstance(formfield, PurposeField):
                # The ledger holds every decision shown: a ticked box is a grant, a box left
                # unticked a refusal (it withdraws nothing given elsewhere; withdrawal is
                # ``consent_withdraw``'s alone), a notice an "informed".
                if formfield.purpose is not None:
                    decisions[formfield.purpose] = formfield.decision(value)
                continue
            if isinstance(formfield, PrivateFileField):
                if value:
                    files.append((name, value))
                answers[name] = value.checked.original_name if value else ""
                continue
            # The builder marks the subject's field on the form it built from the fields.
            if getattr(formfield, "is_subject_email", False) and value:
                email = normalise_email(value)
            answers[name] = _answer(value)
        for name, formfield in form.fields.items():
            box = getattr(formfield, "requires_consent", "")
            if box and not form.cleaned_data.get(box):
                # Without its consent, the answer is not kept, whatever was sent.
                answers.pop(name, None)
        kept_apart = {
            name: answers.pop(name) for name in page.answers_kept_apart if name in answers
        }
        return cls(
            page=page,
            locale=page.language_code,
            answers=answers,
            files=files,
            decisions=decisions,
            subject_email=email,
            ends_at=page.submission_ends_at(),
            consent_source=getattr(form, "consent_source", ConsentSource.FORM),
            kept_apart=kept_apart,
        )


def _inbox_of(page, source_page) -> Inbox | None:
    # The source page's inbox when it has one; pages loaded with their inbox (the API's,
    # a translation's source) spare the query.
    owner = source_page if source_page.inbox_id else page
    if owner.inbox_id is None:
        return None
    if owner._meta.get_field("inbox").is_cached(owner):
        return owner.inbox
    return cached(
        f"inbox:{owner.inbox_id}",
        lambda: Inbox.objects.select_related("purpose").filter(pk=owner.inbox_id).first(),
    )


def submission_create(*, data: SubmissionInput) -> FormSubmission:
    """Store a submission's answers, files and consents as one submission, or nothing.

    Files are written to the ``private`` storage under random keys before the transaction
    commits; when anything fails, the files already written are deleted again and
    :class:`SubmissionNotStored` is raised. The inbox is told after the commit.
    """
    page = data.page
    source_page = page.get_source_page()
    inbox = _inbox_of(page, source_page)
    if inbox is None:
        raise SubmissionNotStored(f"Form page {page.pk} has no inbox.")

    email = data.subject_email
    storage = private_storage()
    stored: list[str] = []
    submission = FormSubmission(
        page_id=source_page.pk,
        translation_page_id=page.pk,
        form_title=source_page.title,
        inbox=inbox,
        locale=data.locale,
        answers=dict(data.answers),
        subject_email=email,
        submitted_at=data.submitted_at or timezone.now(),
        ends_at=data.ends_at,
    )
    submission.retain_until = retention_compute(instance=submission, decisions=data.decisions)
    try:
        with transaction.atomic():
            submission.save(force_insert=True)
            attachments = []
            for key, upload in data.files:
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
                attachments.append(attachment)
            if attachments:
                SubmissionFile.objects.bulk_create(attachments)
            # Consents to receive e-mail wait for the address to confirm them (double
            # opt-in); the submission itself is stored now.
            decisions = email_consents_defer(
                decisions=data.decisions, email=email, locale=data.locale
            )
            # The page type's ``submission_created`` finds its proofs here, unread.
            submission.consent_records = []
            if decisions:
                ref = submission_ref(submission.pk)
                subject = {"email": email} if email else {"anonymous_id": ref}
                submission.consent_records = consents_record(
                    decisions=decisions,
                    locale=data.locale,
                    source=data.consent_source,
                    source_ref=ref,
                    **subject,
                )
            page.submission_created(submission=submission, data=data)
            if data.notify:
                transaction.on_commit(lambda: page.submission_notify(submission=submission))
    except Exception as error:
        for name in stored:
            try:
                storage.delete(name)
            except Exception:
                logger.exception("Could not remove %s after a failed submission", name)
        if isinstance(error, SubmissionRefused):
            page.submission_refused(refusal=error)
            raise
        logger.exception("Submission to form page %s was not stored", page.pk)
        raise SubmissionNotStored(str(error)) from error
    return submission


def submission_mark_handled(*, submission: FormSubmission, user) -> FormSubmission:
    """Record who handled the submission and when; retention may now count from then."""
    submission.handled_by = user
    submission.handled_at = timezone.now()
    submission.retain_until = retention_compute(instance=submission)
    submission.save(update_fields=["handled_by", "handled_at", "retain_until"])
    return submission


def submission_retention_update(
    *, submission: FormSubmission, decisions: Mapping[Purpose, ConsentDecision] | None = None
) -> FormSubmission:
    """Store how long the submission is kept, after it or a row its page type adds to it
    changed (handled, an application decided on, a consent renewed): the privacy core's one
    computation, with the page types' rules (``AbstractFormPage.submission_retention``).
    ``decisions`` are the form's, while the ledger may not hold them yet."""
    submission.retain_until = retention_compute(instance=submission, decisions=decisions)
    FormSubmission.objects.filter(pk=submission.pk).update(retain_until=submission.retain_until)
    return submission


def submission_consent_give(*, submission: FormSubmission, purpose_key: str):
    """The submission's subject gives consent to ``purpose_key`` after the form (a renewal,
    a choice changed through a link): recorded in the consent ledger with the purpose's text
    in the submission's language, the words the page showed, and the submission as its
    source. Returns the record; None, recording nothing, when the site has no such purpose.
    Raises ``LinkRestricted`` while the subject's processing is restricted (GDPR art. 18):
    a new consent would keep their data longer, which a restriction forbids until it is
    lifted."""
    if subject_restricted(email=submission.subject_email):
        raise LinkRestricted
    purpose = purpose_get(key=purpose_key, locale=submission.locale)
    if purpose is None:
        return None
    return consent_record(
        purpose=purpose,
        granted=True,
        locale=submission.locale,
        source=ConsentSource.FORM,
        email=submission.subject_email,
        source_ref=submission_ref(submission.pk),
    )


def submission_consent_choose(
    *, submission: FormSubmission, purpose_key: str, given: bool, revision: int | None = None
):
    """The submission's subject gives or withdraws consent to ``purpose_key`` after the form,
    on a page that showed the purpose's own words in their language (a registrant's photo
    choice, through the link in their confirmation).

    ``revision`` is the revision the page showed: a consent given on words the site no
    longer uses is refused (:class:`ConsentWordingChanged`), recording nothing. Giving adds
    a grant with those words (:func:`submission_consent_give`) and returns it; withdrawing
    marks the person's grants withdrawn, records the refusal with the words shown, and deletes
    the rows kept under it at once (:func:`consent_bound_delete`). Raises
    ``ValueError`` when the site has no such purpose."""
    purpose = purpose_get(key=purpose_key, locale=submission.locale)
    if purpose is None:
        raise ValueError(f"The {purpose_key} purpose does not exist.")
    if revision is not None and revision != purpose.latest_revision_id:
        raise ConsentWordingChanged(str(CONSENT_WORDING_CHANGED))
    if given:
        return submission_consent_give(submission=submission, purpose_key=purpose_key)
    email = submission.subject_email
    consent_refuse(
        purpose=purpose, email=email, locale=submission.locale, source=ConsentSource.FORM
    )
    consent_bound_delete(email=email, purpose_key=purpose_key)
    return None

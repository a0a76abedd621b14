"""The talent pool keeps only what it says: the CV and contact details. When the
application's own period ends, the retention run deletes its letter, message, HR's notes
and its history, and keeps the CV and contact details until the talent pool's end."""

from datetime import timedelta

import pytest
from django.utils import timezone

from careers import services
from careers.constants import ApplicationStatus
from careers.models import Application, ApplicationNote, ApplicationStatusChange
from forms.models import FormSubmission, SubmissionFile
from privacy.models import DeletionLog
from privacy.services import retention_enforce
from tests.forms.samples import pdf_bytes, private_files, upload

pytestmark = pytest.mark.django_db
DAY = timedelta(days=1)


def _enforce_at(moment, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: moment)
    return retention_enforce()


@pytest.fixture
def pooled(apply, vacancy, recruiter):
    """An application in the talent pool, with a letter, a message, a note, and rejected."""
    application = apply(
        vacancy, talent_pool=True, motivation_letter=upload("brief.pdf", pdf_bytes())
    )
    services.application_note_add(application=application, user=recruiter, text="Sterk profiel")
    services.application_status_change(
        application=application, status=ApplicationStatus.REJECTED, user=recruiter
    )
    application.refresh_from_db()
    return application


def _files(application):
    return {a.field_key: a.file.name for a in application.submission.attachments.all()}


def test_after_its_own_period_only_the_cv_and_contact_details_stay(pooled, monkeypatch):
    files = _files(pooled)
    assert set(files) == {"cv", "motivation_letter"}

    _enforce_at(pooled.decided_at + 29 * DAY, monkeypatch)  # rejected: 4 weeks, then pool

    submission = FormSubmission.objects.get(pk=pooled.submission_id)
    assert set(submission.answers) == {"name", "email", "phone", "cv"}
    assert set(SubmissionFile.objects.values_list("field_key", flat=True)) == {"cv"}
    assert files["motivation_letter"] not in private_files()
    assert files["cv"] in private_files()
    assert not ApplicationNote.objects.exists()
    assert not ApplicationStatusChange.objects.exists()
    assert Application.objects.get().in_talent_pool
    assert DeletionLog.objects.filter(model="forms.FormSubmission (partly)", count=1).exists()


def test_before_its_own_period_ends_everything_stays(pooled, monkeypatch):
    _enforce_at(pooled.decided_at + 27 * DAY, monkeypatch)

    assert "message" in FormSubmission.objects.get().answers
    assert SubmissionFile.objects.count() == 2
    assert ApplicationNote.objects.exists()
    assert ApplicationStatusChange.objects.exists()


def test_at_the_talent_pools_end_the_rest_goes_too(pooled, monkeypatch):
    files = _files(pooled)

    _enforce_at(pooled.submitted_at + 366 * DAY, monkeypatch)

    assert not FormSubmission.objects.exists()
    assert not Application.objects.exists()
    assert not set(files.values()) & private_files()

"""Applications are personal data the privacy core finds, exports and erases from their
declaration alone."""

import pytest

from careers import services
from careers.models import Application, ApplicationNote
from forms.models import FormSubmission
from privacy.registry import registration_for
from privacy.services import subject_erase, subject_export
from tests.careers.factories import EMAIL
from tests.forms.samples import private_files

pytestmark = pytest.mark.django_db


def test_the_declaration_names_the_subject_files_purpose_and_follows_the_submission():
    registration = registration_for(Application)

    assert registration.subject == "submission__subject_email"
    assert [f.path for f in registration.files] == ["submission__attachments__file"]
    # One date for the answers, the files and the application: the submission's, which
    # the privacy core computes with the application's outcome and talent pool.
    assert registration.expired == "submission__retain_until"
    assert registration.retention is None
    submission = registration_for(FormSubmission).retention
    assert submission.outcome == "application__status"
    assert submission.also == (("talent-pool", "application__talent_pool_since"),)


def test_an_access_request_exports_the_application_and_hr_notes(apply, vacancy, recruiter):
    application = apply(vacancy)
    services.application_note_add(application=application, user=recruiter, text="Sterk cv")

    export = subject_export(email=EMAIL)

    counts = export.counts
    assert counts["careers.Application"] == 1
    assert counts["careers.ApplicationNote"] == 1
    assert counts["forms.FormSubmission"] == 1


def test_an_erasure_request_removes_applications_notes_and_files(apply, vacancy, recruiter):
    application = apply(vacancy)
    other = apply(vacancy, email="bo@example.org")
    services.application_note_add(application=application, user=recruiter, text="Sterk cv")
    files = {a.file.name for a in application.submission.attachments.all()}

    subject_erase(email=EMAIL)

    assert list(Application.objects.all()) == [other]
    assert list(FormSubmission.objects.all()) == [other.submission]
    assert not ApplicationNote.objects.exists()
    assert not files & private_files()

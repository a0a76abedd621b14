"""Submissions and their files are registered personal data: export, erasure, retention."""

import datetime

import pytest
from django.core.files.storage import storages
from django.utils import timezone

from forms.models import FormSubmission, SubmissionFile
from privacy.models import DeletionLog
from privacy.registry import registered_models
from privacy.services import retention_enforce, subject_erase, subject_export
from tests.forms.samples import pdf_bytes, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def stored(client, contact_page, valid_data):
    client.post(contact_page.url, {**valid_data, "attachment": upload("cv.pdf", pdf_bytes())})
    submission = FormSubmission.objects.get()
    return submission, submission.attachments.get()


def test_submissions_and_files_are_registered():
    labels = {registration.label for registration in registered_models()}

    assert {"forms.FormSubmission", "forms.SubmissionFile"} <= labels


def test_export_holds_the_submission_its_file_and_its_consent(stored):
    submission, attachment = stored

    export = subject_export(email="JAN.PEETERS@example.org")

    assert [row["id"] for row in export.records["forms.FormSubmission"]] == [submission.pk]
    assert export.records["forms.FormSubmission"][0]["answers"]["name"] == "Jan Peeters"
    assert [row["id"] for row in export.records["forms.SubmissionFile"]] == [attachment.pk]
    assert [f.name for f in export.files] == [attachment.file.name]


def test_erasure_removes_rows_and_the_stored_file(stored):
    _submission, attachment = stored
    name = attachment.file.name
    assert storages["private"].exists(name)

    subject_erase(email="jan.peeters@example.org")

    assert not FormSubmission.objects.exists()
    assert not SubmissionFile.objects.exists()
    assert not storages["private"].exists(name)


def test_retention_deletes_expired_submissions_with_files_and_keeps_the_rest(
    stored, client, contact_page, valid_data
):
    expired, attachment = stored
    FormSubmission.objects.filter(pk=expired.pk).update(
        retain_until=timezone.now() - datetime.timedelta(seconds=1)
    )
    client.post(contact_page.url, {**valid_data, "email": "marie@example.org"})

    retention_enforce()

    assert list(FormSubmission.objects.values_list("subject_email", flat=True)) == [
        "marie@example.org"
    ]
    assert not storages["private"].exists(attachment.file.name)
    assert DeletionLog.objects.filter(model="forms.FormSubmission").exists()

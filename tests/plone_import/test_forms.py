"""An easyform becomes a draft form page; its saved rows come in only when asked, dated."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from django.utils import timezone

from forms.models import FieldType, FormPage, FormSubmission
from privacy.models import ConsentRecord

from .conftest import export_write, run_import
from .exports import OLD_ROW_MS, PDF

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["collective-list", "plone-zip"])
def source(request, tmp_path, now_ms):
    return export_write(request.param, tmp_path, now_ms)


def test_form_page_is_a_draft_with_fields_inbox_and_purpose(site, source):
    run_import(source)
    page = FormPage.objects.get(slug="contact")
    assert page.live is False
    assert page.inbox == site["inbox"]
    fields = {f.key: f for f in page.form_fields.all()}
    assert fields["naam"].field_type == FieldType.SINGLELINE and fields["naam"].required
    assert fields["email"].field_type == FieldType.EMAIL and fields["email"].is_subject_email
    assert fields["vraag"].field_type == FieldType.MULTILINE and not fields["vraag"].required
    purposes = [f.purpose for f in fields.values() if f.field_type == FieldType.PURPOSE]
    assert purposes == [site["purpose"]]
    assert not FormSubmission.objects.exists()  # saved data stays out unless asked


def test_submissions_keep_their_date_and_expired_ones_go_at_the_next_retention(
    site, source, tmp_path
):
    report_file = tmp_path / "report.json"
    output, _status = run_import(source, "--submissions", "--report", str(report_file))
    old, new = FormSubmission.objects.order_by("submitted_at")
    assert int(old.submitted_at.timestamp() * 1000) == OLD_ROW_MS
    assert old.subject_email == "oud@example.org"
    assert old.answers["vraag"] == "Oud?"
    assert old.inbox == site["inbox"]
    assert old.retain_until < new.retain_until
    report = json.loads(report_file.read_text())
    assert report["submissions"] == {"imported": 2, "expired": 1}
    assert "deletes 1 already past their period" in output
    assert not ConsentRecord.objects.exists()  # consent is never invented

    call_command("enforce_retention")
    assert list(FormSubmission.objects.values_list("subject_email", flat=True)) == [
        "nieuw@example.org"
    ]
    # A second run brings back nothing retention deleted, and makes nothing twice.
    run_import(source, "--submissions")
    assert FormSubmission.objects.count() == 1


def test_unknown_inbox_is_reported_and_the_rest_imported(site, source, tmp_path):
    report_file = tmp_path / "report.json"
    _output, status = run_import(source, "--inbox", "Nowhere", "--report", str(report_file))
    assert status == 1
    errors = json.loads(report_file.read_text())["errors"]
    assert any(e["path"] == "/nl/contact" and "Nowhere" in e["message"] for e in errors)
    assert not FormPage.objects.exists()


def test_a_saved_rows_file_is_stored_with_its_submission_after_the_uploads_checks(
    site, source, tmp_path
):
    from forms.models import SubmissionFile
    from forms.models.submissions import private_storage

    report_file = tmp_path / "report.json"
    run_import(source, "--submissions", "--report", str(report_file))
    old, new = FormSubmission.objects.order_by("submitted_at")
    attachment = SubmissionFile.objects.get(submission=new)
    assert attachment.field_key == "bijlage" and attachment.kind == "pdf"
    with attachment.file.open() as handle:
        assert handle.read() == PDF
    assert new.answers["bijlage"] == "offerte.pdf"
    # A file that is not what its name says is refused, as a visitor's would be, and said.
    assert not SubmissionFile.objects.filter(submission=old).exists()
    assert old.answers["bijlage"] == ""
    warnings = json.loads(report_file.read_text())["warnings"]
    assert any(
        w["path"] == "/nl/contact" and "oud.pdf" in w["message"] and "left out" in w["message"]
        for w in warnings
    )
    # The file keeps its submission's retention: when the row's period is over, both go.
    name, storage = attachment.file.name, attachment.file.storage
    assert storage.exists(name)
    assert storage.location == private_storage().location  # not under the public media
    FormSubmission.objects.filter(pk=new.pk).update(retain_until=timezone.now())
    call_command("enforce_retention")
    assert not FormSubmission.objects.filter(pk=new.pk).exists()
    assert not SubmissionFile.objects.exists()
    assert not storage.exists(name)

"""Uploads pass Debian's clamd before anything is stored; a flagged file keeps nothing.

The ``clamd`` fixture runs the real daemon with a signature for the EICAR test file only.
"""

import logging

import pytest
from django.core.files.storage import storages
from django.urls import reverse
from django.utils import translation

from forms.models import FormSubmission, SubmissionFile
from forms.scan import SCANNER_UNAVAILABLE, ScanStatus
from privacy.models import ConsentRecord
from tests.conftest import EICAR
from tests.forms.samples import pdf_bytes, private_files, upload

pytestmark = pytest.mark.django_db

INFECTED = "infected"


@pytest.fixture
def nothing_stored():
    before = private_files()

    def check():
        return (
            not FormSubmission.objects.exists()
            and not SubmissionFile.objects.exists()
            and not ConsentRecord.objects.exists()
            and private_files() == before
        )

    return check


@pytest.fixture
def scanning(settings, clamd):
    settings.CLAMAV_SOCKET = clamd
    settings.CLAMAV_HOST = ""
    settings.CLAMAV_REQUIRED = True
    return settings


@pytest.fixture
def clamd_down(settings, tmp_path):
    """A configured scanner whose socket nobody listens on."""
    settings.CLAMAV_SOCKET = str(tmp_path / "nobody.sock")
    settings.CLAMAV_HOST = ""
    return settings


def _html_post(client, page, data, content, name="cv.pdf"):
    return client.post(page.url, {**data, "attachment": upload(name, content)})


def _api_post(client, page, data, content, name="cv.pdf"):
    return client.post(
        f"/api/forms/{page.pk}/submissions", {**data, "attachment": upload(name, content)}
    )


def test_eicar_file_is_refused_with_a_form_error_and_nothing_is_stored(
    scanning, nothing_stored, client, contact_page, valid_data
):
    response = _html_post(client, contact_page, valid_data, EICAR)

    assert response.status_code == 200
    [error] = response.context["form"].errors.as_data()["attachment"]
    assert error.code == INFECTED
    with translation.override("nl"):
        assert "virus" in response.content.decode()
        assert str(error.message) in response.content.decode()
    assert nothing_stored()


def test_eicar_file_is_refused_by_the_api_with_a_400_and_nothing_is_stored(
    scanning, nothing_stored, client, contact_page, valid_data
):
    response = _api_post(client, contact_page, valid_data, EICAR)

    assert response.status_code == 400
    errors = response.json()["errors"]
    assert list(errors) == ["attachment"]
    assert "virus" in errors["attachment"][0]
    assert nothing_stored()


def test_eicar_is_flagged_under_any_name_before_its_type_is_judged(
    scanning, nothing_stored, client, contact_page, valid_data
):
    response = _api_post(client, contact_page, valid_data, EICAR, name="notes.docx")

    assert response.status_code == 400
    assert "virus" in response.json()["errors"]["attachment"][0]
    assert nothing_stored()


def test_refusal_is_logged_with_form_field_and_signature_and_no_personal_data(
    scanning, caplog, client, contact_page, valid_data
):
    with caplog.at_level(logging.WARNING, logger="forms.scan"):
        _api_post(client, contact_page, valid_data, EICAR, name="jan-peeters-cv.pdf")

    [record] = [r for r in caplog.records if r.name == "forms.scan"]
    message = record.getMessage()
    assert f"form {contact_page.pk}" in message
    assert "field attachment" in message
    assert "Eicar-Test-Signature" in message
    assert "jan-peeters" not in message.lower()
    assert "example.org" not in message.lower()
    assert "127.0.0.1" not in message


def test_clean_pdf_is_scanned_and_stored_as_clean(scanning, client, contact_page, valid_data):
    response = _api_post(client, contact_page, valid_data, pdf_bytes())

    assert response.status_code == 201
    attachment = SubmissionFile.objects.get()
    assert attachment.scan_status == ScanStatus.CLEAN
    assert storages["private"].exists(attachment.file.name)


def test_clean_pdf_through_the_html_form_is_stored_as_clean(
    scanning, client, contact_page, valid_data
):
    _html_post(client, contact_page, valid_data, pdf_bytes())

    assert SubmissionFile.objects.get().scan_status == ScanStatus.CLEAN


def test_without_a_scanner_files_are_stored_as_not_scanned_by_configuration(
    settings, client, contact_page, valid_data
):
    settings.CLAMAV_SOCKET = settings.CLAMAV_HOST = ""

    _api_post(client, contact_page, valid_data, pdf_bytes())

    assert SubmissionFile.objects.get().scan_status == ScanStatus.OFF


def test_clamd_down_refuses_the_html_form_with_a_503_page(
    clamd_down, nothing_stored, client, contact_page, valid_data
):
    response = _html_post(client, contact_page, valid_data, pdf_bytes())

    assert response.status_code == 503
    assert "forms/scan_unavailable.html" in [t.name for t in response.templates]
    with translation.override("nl"):
        assert str(SCANNER_UNAVAILABLE) in response.content.decode()
    assert nothing_stored()


def test_clamd_down_refuses_the_api_with_a_503_json(
    clamd_down, nothing_stored, client, contact_page, valid_data
):
    response = _api_post(client, contact_page, valid_data, pdf_bytes())

    assert response.status_code == 503
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]
    assert nothing_stored()


def test_clamd_down_without_a_file_does_not_stop_the_submission(
    clamd_down, client, contact_page, valid_data
):
    response = client.post(f"/api/forms/{contact_page.pk}/submissions", valid_data)

    assert response.status_code == 201


def test_clamd_down_and_not_required_stores_the_file_marked_not_scanned(
    clamd_down, client, contact_page, valid_data
):
    clamd_down.CLAMAV_REQUIRED = False

    response = _api_post(client, contact_page, valid_data, pdf_bytes())

    assert response.status_code == 201
    attachment = SubmissionFile.objects.get()
    assert attachment.scan_status == ScanStatus.NOT_SCANNED
    assert storages["private"].exists(attachment.file.name)


def test_the_inbox_shows_which_files_were_not_scanned(
    clamd_down, client, contact_page, valid_data, secretary
):
    clamd_down.CLAMAV_REQUIRED = False
    _api_post(client, contact_page, valid_data, pdf_bytes())
    submission = FormSubmission.objects.get()
    client.force_login(secretary)

    response = client.get(reverse("forms_inboxes:submission", args=[submission.pk]))

    assert response.status_code == 200
    with translation.override(response["Content-Language"]):
        assert str(ScanStatus.NOT_SCANNED.label) in response.content.decode()

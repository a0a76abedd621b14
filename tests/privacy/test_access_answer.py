"""The readable answer to an access request: HTML and PDF in the requester's language, per
purpose, with who saw the data, the rights, the annex without ids and the files' own names."""

import io
import json
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from forms.files import FileKind
from forms.models import FileDownloadLog, SubmissionFile
from privacy.models import DataSubjectRequest, RequestKind
from privacy.services import requests as services
from tests.forms.factories import FormSubmissionFactory
from tests.privacy.request_fixtures import admin_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(confirmed, home_page, officer):
    """Ann sent an application with her CV, which a recruiter downloaded once."""
    submission = FormSubmissionFactory(
        subject_email="ann@example.org",
        answers={"name": "Ann Peeters"},
        page__parent=home_page,
        page__inbox__purpose__key="job-application",
        page__inbox__purpose__name="Uw sollicitatie behandelen",
    )
    attachment = SubmissionFile(
        submission=submission,
        field_key="cv",
        original_name="Mijn CV 2026.pdf",
        kind=FileKind.PDF,
        size=9,
        sha256="0" * 64,
    )
    attachment.file.save("random-key.pdf", ContentFile(b"%PDF-1.4 cv"), save=False)
    attachment.save()
    FileDownloadLog.objects.create(
        user=officer,
        username="recruiter",
        file=attachment,
        file_pk=attachment.pk,
        submission_pk=submission.pk,
    )
    return submission


def answer_zip(data_request, tmp_path) -> zipfile.ZipFile:
    path = services.request_export_write(request=data_request, directory=str(tmp_path))
    return zipfile.ZipFile(io.BytesIO(path.read_bytes()))


def test_the_access_answer_is_readable_in_the_requesters_language(confirmed, held, tmp_path):
    archive = answer_zip(confirmed, tmp_path)

    names = set(archive.namelist())
    assert {"answer.html", "answer.pdf", "data.json"} <= names
    html = archive.read("answer.html").decode()
    assert '<html lang="nl">' in html
    assert "De gegevens die wij over u bewaren" in html
    # Per purpose: what, why and on what basis.
    assert "Uw sollicitatie behandelen" in html
    assert "Ann Peeters" in html
    # Who saw it: the download log.
    assert "recruiter" in html
    # Rights and complaint.
    assert "Beperking van de verwerking van mijn gegevens" in html
    assert "gegevensbeschermingsautoriteit" in html
    assert archive.read("answer.pdf").startswith(b"%PDF")


def test_files_keep_their_original_names_and_the_annex_has_no_internal_ids(
    confirmed, held, tmp_path
):
    archive = answer_zip(confirmed, tmp_path)

    assert archive.read("files/Mijn CV 2026.pdf") == b"%PDF-1.4 cv"
    data = json.loads(archive.read("data.json"))
    assert data["subject"] == "ann@example.org"
    for rows in data["records"].values():
        for row in rows:
            assert "id" not in row
            assert not any(key.endswith("_id") for key in row)


def test_portability_is_answered_with_the_machine_readable_export(confirmed, held, tmp_path):
    DataSubjectRequest.objects.filter(pk=confirmed.pk).update(kind=RequestKind.PORTABILITY)
    confirmed.refresh_from_db()

    archive = answer_zip(confirmed, tmp_path)

    assert "answer.html" not in archive.namelist()
    assert "data.json" in archive.namelist()


def test_officers_read_the_readable_answer_before_sending_it(client, officer, confirmed, held):
    client.force_login(officer)

    page = client.get(admin_url("readable", confirmed.pk))
    pdf = client.get(admin_url("readable", confirmed.pk), {"format": "pdf"})

    assert page.status_code == 200
    assert "Uw sollicitatie behandelen" in page.content.decode()
    assert pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    inspect = client.get(admin_url("inspect", confirmed.pk)).content.decode()
    assert admin_url("readable", confirmed.pk) in inspect
    assert reverse("data_requests:readable", args=[confirmed.pk]) == admin_url(
        "readable", confirmed.pk
    )

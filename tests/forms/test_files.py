"""Uploads are judged by their bytes, refused with a form error, and stored privately."""

import io
import os
import zipfile

import pytest
from django.core.files.storage import storages

from forms.files import FileKind, clean_file_name
from forms.models import FormSubmission, SubmissionFile
from privacy.models import ConsentRecord
from tests.forms.samples import (
    MB,
    doc_bytes,
    docx_bytes,
    exe_bytes,
    odt_bytes,
    pdf_bytes,
    upload,
    xls_bytes,
)

pytestmark = pytest.mark.django_db


def _post(client, page, data, name, content, content_type="application/pdf"):
    return client.post(page.url, {**data, "attachment": upload(name, content, content_type)})


def _nothing_stored():
    return (
        not FormSubmission.objects.exists()
        and not SubmissionFile.objects.exists()
        and not ConsentRecord.objects.exists()
    )


def _error_code(response):
    """The code of the attachment's error: messages are translated, codes are not."""
    [error] = response.context["form"].errors.as_data()["attachment"]
    return error.code


def _attachment_field(page):
    return page.form_fields.get(key="attachment")


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("cv.pdf", pdf_bytes(), FileKind.PDF),
        ("cv.docx", docx_bytes(), FileKind.DOCX),
        ("cv.odt", odt_bytes(), FileKind.ODT),
        ("cv.doc", doc_bytes(), FileKind.DOC),
    ],
)
def test_each_accepted_kind_is_stored_with_the_kind_its_content_shows(
    client, contact_page, valid_data, name, content, kind
):
    response = _post(client, contact_page, valid_data, name, content, "text/plain")

    assert response.status_code == 303
    attachment = SubmissionFile.objects.get()
    assert attachment.kind == kind
    assert attachment.size == len(content)
    assert attachment.original_name == name
    with attachment.file.open("rb") as stored:
        assert stored.read() == content


def test_executable_renamed_pdf_is_refused_and_nothing_is_stored(client, contact_page, valid_data):
    response = _post(client, contact_page, valid_data, "invoice.pdf", exe_bytes())

    assert response.status_code == 200
    assert _error_code(response) == "kind"
    assert _nothing_stored()


def test_pdf_named_docx_is_refused_as_mislabelled(client, contact_page, valid_data):
    response = _post(client, contact_page, valid_data, "letter.docx", pdf_bytes())

    assert _error_code(response) == "mislabelled"
    assert _nothing_stored()


def test_empty_file_is_refused(client, contact_page, valid_data):
    response = _post(client, contact_page, valid_data, "empty.pdf", b"")

    assert _error_code(response) == "empty"
    assert _nothing_stored()


def test_file_one_byte_over_the_fields_limit_is_refused(client, contact_page, valid_data):
    field = _attachment_field(contact_page)
    field.max_file_size_mb = 1
    field.save()

    response = _post(client, contact_page, valid_data, "big.pdf", pdf_bytes(MB + 1))

    assert _error_code(response) == "too_large"
    assert _nothing_stored()


def test_file_exactly_at_the_limit_is_accepted(client, contact_page, valid_data):
    field = _attachment_field(contact_page)
    field.max_file_size_mb = 1
    field.save()

    _post(client, contact_page, valid_data, "big.pdf", pdf_bytes(MB))

    assert SubmissionFile.objects.get().size == MB


def test_kind_the_field_does_not_accept_is_refused(client, contact_page, valid_data):
    field = _attachment_field(contact_page)
    field.file_kinds = "pdf"
    field.save()

    response = _post(client, contact_page, valid_data, "cv.docx", docx_bytes())

    assert _error_code(response) == "kind"
    assert _nothing_stored()


def test_damaged_archive_is_refused_as_unreadable(client, contact_page, valid_data):
    response = _post(client, contact_page, valid_data, "cv.docx", docx_bytes()[:40])

    assert _error_code(response) == "unreadable"
    assert _nothing_stored()


def _zip(**members: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in members.items():
            archive.writestr(name.replace("__", "/").replace("CT", "[Content_Types].xml"), text)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("cv.doc", doc_bytes()[:8] + os.urandom(4096)),
        ("cv.doc", xls_bytes()),
        ("cv.doc", doc_bytes().replace(b"\xec\xa5\xc1\x00", b"MZ\x90\x00", 1)),
        ("cv.docx", _zip(CT="<Types/>", word__styles="<w:styles/>")),
        ("cv.odt", _zip(mimetype="application/vnd.oasis.opendocument.spreadsheet")),
    ],
    ids=[
        "ole2-signature-then-noise",
        "excel-workbook",
        "word-stream-not-word",
        "docx-no-body",
        "ods",
    ],
)
def test_a_container_that_does_not_hold_a_text_document_is_refused(
    client, contact_page, valid_data, name, content
):
    response = _post(client, contact_page, valid_data, name, content)

    assert _error_code(response) in {"kind", "unreadable"}
    assert _nothing_stored()


def test_truncated_pdf_is_refused_as_unreadable(client, contact_page, valid_data):
    response = _post(client, contact_page, valid_data, "cv.pdf", pdf_bytes()[:-8])

    assert _error_code(response) == "unreadable"


def test_path_in_the_file_name_is_dropped_and_the_object_key_is_random(
    client, contact_page, valid_data
):
    _post(client, contact_page, valid_data, "../../x.pdf", pdf_bytes())

    attachment = SubmissionFile.objects.get()
    assert attachment.original_name == "x.pdf"
    assert "x.pdf" not in attachment.file.name
    assert ".." not in attachment.file.name
    assert storages["private"].exists(attachment.file.name)


def test_file_is_stored_outside_media_root_and_not_served(
    client, contact_page, valid_data, settings
):
    _post(client, contact_page, valid_data, "cv.pdf", pdf_bytes())

    attachment = SubmissionFile.objects.get()
    path = storages["private"].path(attachment.file.name)
    assert os.path.exists(path)
    assert not path.startswith(str(settings.MEDIA_ROOT))
    assert client.get(f"/media/{attachment.file.name}", follow=True).status_code == 404


@pytest.mark.parametrize(
    ("given", "cleaned"),
    [
        ("../../x.pdf", "x.pdf"),
        ("..\\..\\windows\\cv.PDF", "cv.pdf"),
        ('a<b>"c".pdf', "a_b_c_.pdf"),
        ("Curriculum été.docx", "Curriculum ete.docx"),
        ("", "file"),
    ],
)
def test_clean_file_name_keeps_a_safe_base_name(given, cleaned):
    assert clean_file_name(given) == cleaned

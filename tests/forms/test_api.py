"""The headless forms API: schemas per language, submissions, and every bad input refused."""

import io
import json
from unittest import mock

import pytest
from django.core.files.storage import storages
from django.test import override_settings
from wagtail.models import Locale

from forms.models import FormPage, FormSubmission, SubmissionFile
from privacy.models import ConsentRecord
from tests.forms.samples import private_files
from tests.translations import translation_with_parents

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200


def schema_url(page, **query):
    suffix = "".join(f"{'&' if i else '?'}{k}={v}" for i, (k, v) in enumerate(query.items()))
    return f"/api/forms/{page.pk}{suffix}"


def submit_url(page):
    return f"/api/forms/{page.pk}/submissions"


def upload(content=PDF, name="cv.pdf"):
    file = io.BytesIO(content)
    file.name = name
    return file


@pytest.fixture
def fr_page(contact_page, locales, answer_purpose, newsletter_purpose):
    """The contact form translated to French, its purposes too."""
    fr = locales["fr"]
    for purpose, text in [
        (answer_purpose, "Je souhaite une réponse à ma question."),
        (newsletter_purpose, "Envoyez-moi la lettre d'information."),
    ]:
        translated = purpose.copy_for_translation(fr)
        translated.consent_text = text
        translated.save()
        translated.save_revision(log_action=False)
    page = translation_with_parents(contact_page, fr)
    labels = {"name": "Nom", "email": "Courriel", "question": "Question"}
    for field in page.form_fields.all():
        field.label = labels.get(field.key, field.label)
        field.save()
    page.title = "Contact (fr)"
    page.save_revision().publish()
    return FormPage.objects.get(pk=page.pk)


@pytest.fixture
def nothing_stored():
    """A check that no row, consent or file was stored since the test began."""
    # The private folder lives as long as the test session; compare with what was there.
    before = private_files()

    def check():
        return (
            not FormSubmission.objects.exists()
            and not SubmissionFile.objects.exists()
            and not ConsentRecord.objects.exists()
            and private_files() == before
        )

    return check


# --- Schema ---------------------------------------------------------------------------------


def test_schema_in_dutch_lists_fields_purposes_and_no_captcha_without_keys(client, contact_page):
    response = client.get(schema_url(contact_page))
    assert response.status_code == 200
    body = response.json()
    assert body["locale"] == "nl"
    assert [field["key"] for field in body["fields"]] == [
        "name",
        "email",
        "question",
        "attachment",
        "consent_answer",
        "consent_newsletter",
    ]
    name = body["fields"][0]
    assert (name["label"], name["type"], name["required"]) == ("Naam", "singleline", True)
    attachment = body["fields"][3]
    assert attachment["file"]["max_size"] == 10 * 1024 * 1024
    assert set(attachment["file"]["kinds"]) == {"pdf", "docx", "doc", "odt"}
    purposes = {purpose["key"]: purpose for purpose in body["purposes"]}
    answer, newsletter = purposes["answer-request"], purposes["newsletter"]
    assert (answer["kind"], answer["legal_basis"]) == ("notice", "legitimate_interest")
    assert answer["legal_basis_label"] == "Gerechtvaardigd belang"
    assert answer["text"] == "We gebruiken uw gegevens om uw vraag te beantwoorden."
    assert answer["name"] == "Antwoord op uw vraag"
    assert answer["retention"] == "1 jaar vanaf het moment dat u ze ons geeft."
    assert answer["recipients"] == "Onze ledendienst"
    assert answer["policy_url"] is None
    assert (
        answer["revision_id"]
        == contact_page.form_fields.get(key="consent_answer").purpose.latest_revision_id
    )
    assert (newsletter["kind"], newsletter["legal_basis"]) == ("consent", "consent")
    assert answer["required"] is False and newsletter["required"] is False
    assert body["recaptcha"] is None


def test_schema_in_french_has_french_words_and_the_same_keys(client, contact_page, fr_page):
    nl = client.get(schema_url(contact_page)).json()
    fr = client.get(schema_url(contact_page, locale="fr")).json()
    assert fr["id"] == fr_page.pk and fr["locale"] == "fr"
    assert [f["key"] for f in fr["fields"]] == [f["key"] for f in nl["fields"]]
    assert [f["label"] for f in fr["fields"][:3]] == ["Nom", "Courriel", "Question"]
    fr_purposes = {p["key"]: p for p in fr["purposes"]}
    nl_purposes = {p["key"]: p for p in nl["purposes"]}
    assert fr_purposes["answer-request"]["text"] == "Je souhaite une réponse à ma question."
    assert (
        fr_purposes["answer-request"]["retention"]
        == "1 an à partir du moment où vous nous les donnez."
    )
    assert fr_purposes["answer-request"]["legal_basis_label"] == "Intérêt légitime"
    assert (
        fr_purposes["answer-request"]["revision_id"] != nl_purposes["answer-request"]["revision_id"]
    )
    assert fr["translations"] == {"nl": contact_page.pk, "fr": fr_page.pk}


def test_schema_follows_accept_language_when_no_locale_is_asked(client, contact_page, fr_page):
    body = client.get(schema_url(contact_page), HTTP_ACCEPT_LANGUAGE="fr-BE,fr;q=0.9,nl;q=0.5")
    assert body.json()["locale"] == "fr"
    # A language the form is not translated into falls back to the page asked for.
    assert client.get(schema_url(contact_page, locale="en")).json()["locale"] == "nl"


@override_settings(
    RECAPTCHA_PUBLIC_KEY="site-key", RECAPTCHA_PRIVATE_KEY="secret", RECAPTCHA_VERSION="v3"
)
def test_schema_gives_the_recaptcha_site_key_never_the_secret(client, contact_page):
    response = client.get(schema_url(contact_page))
    assert response.json()["recaptcha"] == {
        "site_key": "site-key",
        "version": "v3",
        "action": "form_submit",
        "response_field": "g-recaptcha-response",
    }
    assert b"secret" not in response.content


def test_schema_of_something_that_is_not_a_live_form_is_404_json(client, contact_page, home):
    assert client.get(f"/api/forms/{home.pk}").status_code == 404
    assert client.get("/api/forms/999999").json()["detail"]
    contact_page.unpublish()
    assert client.get(schema_url(contact_page)).status_code == 404


# --- Submissions ----------------------------------------------------------------------------


def test_valid_submission_is_stored_with_consents_and_file(
    client, contact_page, valid_data, answer_purpose
):
    response = client.post(
        submit_url(contact_page), {**valid_data, "attachment": upload(name="Mijn CV.pdf")}
    )
    assert response.status_code == 201, response.content
    submission = FormSubmission.objects.get(pk=response.json()["id"])
    assert submission.subject_email == "jan.peeters@example.org"
    assert submission.answers["question"] == valid_data["question"]
    assert submission.locale == "nl"
    notice = ConsentRecord.objects.get(purpose_key="answer-request")
    assert (notice.decision, notice.granted, notice.source) == ("informed", False, "api")
    assert notice.purpose_revision_id == answer_purpose.latest_revision_id
    refused = ConsentRecord.objects.get(purpose_key="newsletter")
    assert (refused.decision, refused.granted) == ("refused", False)
    attachment = submission.attachments.get()
    assert attachment.original_name == "Mijn CV.pdf"
    assert "Mijn" not in attachment.file.name
    with storages["private"].open(attachment.file.name) as stored:
        assert stored.read() == PDF


def test_submission_in_french_is_filed_with_the_dutch_form_and_french_consent_text(
    client, contact_page, fr_page, valid_data
):
    response = client.post(submit_url(fr_page), valid_data)
    assert response.status_code == 201, response.content
    submission = FormSubmission.objects.get()
    assert (submission.page_id, submission.locale) == (contact_page.pk, "fr")
    assert (
        ConsentRecord.objects.get(decision="informed").text_shown
        == "Je souhaite une réponse à ma question."
    )


# On a cold cache: the page's type (any form page type is served), the page and its view
# restrictions, its fields (with purposes and locale), a savepoint, the submission, all
# consents in one INSERT, the release. A query per consent, or the inbox, locale or fields
# read twice, would show here before it shows in bench/forms.py.
API_SUBMISSION_QUERIES = 8
# A ticked e-mail box adds the double opt-in: the address's consents, its waiting sign-up
# (locked and written in a savepoint), once whatever the number of e-mail boxes.
DOUBLE_OPT_IN_QUERIES = 10


def test_a_submission_takes_the_same_few_queries_however_many_consents_are_ticked(
    client, contact_page, valid_data, django_assert_max_num_queries
):
    data = {**valid_data, "consent_newsletter": "on"}
    with django_assert_max_num_queries(API_SUBMISSION_QUERIES + DOUBLE_OPT_IN_QUERIES):
        response = client.post(submit_url(contact_page), data)

    assert response.status_code == 201, response.content
    submission = FormSubmission.objects.get(pk=response.json()["id"])
    assert submission.inbox == contact_page.inbox
    # The newsletter waits for the address to confirm it; the notice is recorded now.
    assert sorted(ConsentRecord.objects.values_list("purpose_key", flat=True)) == [
        "answer-request",
    ]


def test_submission_needs_no_csrf_token(contact_page, valid_data):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(submit_url(contact_page), valid_data)
    assert response.status_code == 201


def errors_of(response):
    assert response.status_code == 400, response.content
    return response.json()["errors"]


def test_a_notice_asks_nothing_and_a_value_sent_for_it_changes_nothing(
    client, contact_page, valid_data
):
    response = client.post(submit_url(contact_page), {**valid_data, "consent_answer": "on"})

    assert response.status_code == 201, response.content
    assert ConsentRecord.objects.get(purpose_key="answer-request").decision == "informed"
    assert not ConsentRecord.objects.filter(granted=True).exists()


def test_consent_for_a_purpose_not_on_this_form_is_refused(
    nothing_stored, client, contact_page, valid_data
):
    data = {**valid_data, "consent_events": "on"}
    errors = errors_of(client.post(submit_url(contact_page), data))
    assert list(errors) == ["consent_events"]
    assert nothing_stored()


@pytest.mark.parametrize(
    ("content", "name"),
    [
        pytest.param(EXE, "cv.pdf", id="executable-renamed-pdf"),
        pytest.param(b"", "cv.pdf", id="empty-file"),
        pytest.param(PDF, "cv.docx", id="pdf-renamed-docx"),
    ],
)
def test_bad_files_are_refused(nothing_stored, client, contact_page, valid_data, content, name):
    response = client.post(
        submit_url(contact_page), {**valid_data, "attachment": upload(content, name)}
    )
    assert errors_of(response)["attachment"]
    assert nothing_stored()


def test_a_file_one_byte_over_the_limit_is_refused_and_at_the_limit_accepted(
    nothing_stored, client, contact_page, valid_data
):
    field = contact_page.form_fields.get(key="attachment")
    field.max_file_size_mb = 1
    field.save()
    limit = 1024 * 1024
    at_limit = PDF[:-6] + b" " * (limit - len(PDF)) + PDF[-6:]
    assert len(at_limit) == limit
    over = upload(at_limit[:-6] + b" " + at_limit[-6:])
    assert errors_of(client.post(submit_url(contact_page), {**valid_data, "attachment": over}))
    assert nothing_stored()
    response = client.post(submit_url(contact_page), {**valid_data, "attachment": upload(at_limit)})
    assert response.status_code == 201


def test_a_path_in_the_file_name_is_stripped(client, contact_page, valid_data):
    response = client.post(
        submit_url(contact_page), {**valid_data, "attachment": upload(name="../../x.pdf")}
    )
    assert response.status_code == 201
    attachment = SubmissionFile.objects.get()
    assert attachment.original_name == "x.pdf"
    assert ".." not in attachment.file.name


def test_a_100000_character_answer_is_refused(nothing_stored, client, contact_page, valid_data):
    response = client.post(submit_url(contact_page), {**valid_data, "name": "x" * 100_000})
    assert "name" in errors_of(response)
    response = client.post(submit_url(contact_page), {**valid_data, "question": "x" * 100_000})
    assert "question" in errors_of(response)
    assert nothing_stored()


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        pytest.param(b"garbage", "multipart/form-data; boundary=xyz", id="no-parts"),
        pytest.param(
            b"--xyz\r\nbroken\r\n\r\nzz\r\n--xyz--\r\n",
            "multipart/form-data; boundary=xyz",
            id="bad-part",
        ),
        pytest.param(b"name=Jan", "multipart/form-data", id="no-boundary"),
        pytest.param(b'{"name": "Jan"}', "application/json", id="json"),
    ],
)
def test_a_malformed_body_gets_a_400_json_error(
    nothing_stored, client, contact_page, body, content_type
):
    response = client.generic("POST", submit_url(contact_page), body, content_type=content_type)
    assert errors_of(response)["__all__"]
    assert nothing_stored()


def test_submitting_to_a_page_that_is_not_a_form_is_404_json(
    nothing_stored, client, home, valid_data
):
    response = client.post(f"/api/forms/{home.pk}/submissions", valid_data)
    assert response.status_code == 404
    assert response.json()["detail"]
    assert nothing_stored()


@pytest.mark.parametrize("page_id", ["99999999999999999999", "9223372036854775808", "0"])
def test_a_page_id_beyond_any_primary_key_is_404_json(nothing_stored, client, valid_data, page_id):
    schema = client.get(f"/api/forms/{page_id}")
    submission = client.post(f"/api/forms/{page_id}/submissions", valid_data)

    assert schema.status_code == 404
    assert schema.json()["detail"]
    assert submission.status_code == 404
    assert submission.json()["detail"]
    assert nothing_stored()


def test_html_in_answers_is_stored_as_text(client, contact_page, valid_data):
    script = "<script>alert('x')</script>"
    response = client.post(submit_url(contact_page), {**valid_data, "question": script})
    assert response.status_code == 201
    assert FormSubmission.objects.get().answers["question"] == script


@override_settings(FORMS_RATE_LIMIT="2/m")
def test_too_many_submissions_get_429_json_and_are_not_stored(client, contact_page, valid_data):
    statuses = [client.post(submit_url(contact_page), valid_data).status_code for _ in range(3)]
    assert statuses == [201, 201, 429]
    response = client.post(submit_url(contact_page), valid_data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 429
    assert response.json()["detail"].startswith("Too many submissions")
    assert int(response["Retry-After"]) > 0
    assert FormSubmission.objects.count() == 2


@override_settings(REQUEST_MAX_BODY_SIZE=64 * 1024)
def test_a_body_over_the_global_cap_gets_413_json_and_is_not_stored(
    nothing_stored, client, contact_page, valid_data
):
    big = PDF[:-6] + b" " * (64 * 1024) + PDF[-6:]
    response = client.post(submit_url(contact_page), {**valid_data, "attachment": upload(big)})
    assert response.status_code == 413
    assert response.json()["detail"]
    assert nothing_stored()


def test_a_storage_failure_stores_no_half_submission(
    nothing_stored, client, contact_page, valid_data, monkeypatch
):
    storage = storages["private"]

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(storage, "_save", broken)
    response = client.post(submit_url(contact_page), {**valid_data, "attachment": upload()})
    assert response.status_code == 503
    assert response.json()["detail"]
    assert nothing_stored()


def test_openapi_document_describes_both_endpoints(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "/api/forms/{page_id}" in paths
    submit = paths["/api/forms/{page_id}/submissions"]["post"]
    assert "multipart/form-data" in submit["requestBody"]["content"]
    assert {"201", "400", "404", "413", "429"} <= set(submit["responses"])


def test_locale_unknown_to_the_site_falls_back_to_the_forms_own_language(client, contact_page):
    Locale.objects.filter(language_code="en").delete()

    response = client.get(schema_url(contact_page, locale="en"))

    assert response.status_code == 200
    body = response.json()
    assert body["id"] == contact_page.pk
    assert body["locale"] == "nl"
    assert body["fields"][0]["label"] == "Naam"
    assert "en" not in body["translations"]


@override_settings(RECAPTCHA_PUBLIC_KEY="site-key", RECAPTCHA_PRIVATE_KEY="secret")
def test_with_recaptcha_keys_a_submission_needs_a_token_google_accepts(
    nothing_stored, client, contact_page, valid_data
):
    def google(success):
        answer = json.dumps({"success": success}).encode()
        return mock.patch(
            "django_recaptcha.client.recaptcha_request",
            side_effect=lambda params: io.BytesIO(answer),
        )

    with google(True) as verify:
        assert "captcha" in errors_of(client.post(submit_url(contact_page), valid_data))
        verify.assert_not_called()
    with google(False):
        data = {**valid_data, "g-recaptcha-response": "forged"}
        assert "captcha" in errors_of(client.post(submit_url(contact_page), data))
    assert nothing_stored()
    with google(True) as verify:
        data = {**valid_data, "g-recaptcha-response": "token"}
        response = client.post(submit_url(contact_page), data, REMOTE_ADDR="198.51.100.9")
    assert response.status_code == 201
    assert "remoteip=198.51.100.9" in verify.call_args.args[0].decode()

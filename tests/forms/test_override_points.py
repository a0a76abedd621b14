"""What subclasses of the form base rely on: a closed form refuses, a page's own rows are kept
with the submission or not at all, a refusal keeps nothing, and the page chooses who is told."""

import pytest
from django.contrib.auth.models import AnonymousUser

from forms import services
from forms.models import FormPage, FormSubmission, SubmissionFile
from privacy.models import ConsentRecord
from tests.forms.samples import pdf_bytes, private_files, upload

pytestmark = pytest.mark.django_db


def _api_url(page):
    return f"/api/forms/{page.pk}/submissions"


def test_a_closed_form_refuses_html_and_api_submissions_with_409_and_stores_nothing(
    client, contact_page, valid_data, monkeypatch
):
    monkeypatch.setattr(FormPage, "accepts_submissions", lambda page: False)

    html = client.post(contact_page.url, valid_data)
    api = client.post(_api_url(contact_page), valid_data)

    assert html.status_code == 409
    assert api.status_code == 409
    assert api.json()["detail"]
    assert client.get(f"/api/forms/{contact_page.pk}").json()["accepts_submissions"] is False
    assert not FormSubmission.objects.exists()


def test_a_refusal_inside_the_transaction_keeps_no_submission_file_or_consent(
    client, contact_page, valid_data, monkeypatch
):
    def refuse(page, *, submission, data):
        raise services.SubmissionRefused("Already registered with this address.")

    monkeypatch.setattr(FormPage, "submission_created", refuse)
    before = private_files()
    data = {**valid_data, "attachment": upload("cv.pdf", pdf_bytes()), "consent_newsletter": "on"}

    html = client.post(contact_page.url, data)

    assert html.status_code == 409
    assert "Already registered with this address." in html.content.decode()
    assert not FormSubmission.objects.exists()
    assert not SubmissionFile.objects.exists()
    assert not ConsentRecord.objects.exists()
    assert private_files() == before

    data["attachment"] = upload("cv.pdf", pdf_bytes())
    api = client.post(_api_url(contact_page), data)
    assert api.status_code == 409
    assert api.json()["detail"] == "Already registered with this address."
    assert not FormSubmission.objects.exists()


def test_rows_a_page_adds_in_submission_created_share_the_submissions_transaction(
    client, contact_page, valid_data, monkeypatch
):
    seen = []
    monkeypatch.setattr(
        FormPage,
        "submission_created",
        lambda page, *, submission, data: seen.append(FormSubmission.objects.get(pk=submission.pk)),
    )

    client.post(contact_page.url, valid_data)

    assert [row.subject_email for row in seen] == ["jan.peeters@example.org"]


def test_a_page_chooses_who_is_told_after_the_commit(
    client, contact_page, valid_data, monkeypatch, mailoutbox, django_capture_on_commit_callbacks
):
    contact_page.inbox.notification_address = "secretariat@example.org"
    contact_page.inbox.save()
    told = []
    monkeypatch.setattr(
        FormPage, "submission_notify", lambda page, *, submission: told.append(submission.pk)
    )

    with django_capture_on_commit_callbacks(execute=True):
        client.post(contact_page.url, valid_data)

    assert told == [FormSubmission.objects.get().pk]
    assert mailoutbox == []


def test_a_page_instance_keeps_nothing_of_one_request_for_the_next(
    rf, contact_page, valid_data, monkeypatch
):
    page = FormPage.objects.get(pk=contact_page.pk)
    refusals = iter([services.SubmissionRefused("Not now.")])

    def refuse_once(page, *, submission, data):
        refusal = next(refusals, None)
        if refusal is not None:
            raise refusal

    monkeypatch.setattr(FormPage, "submission_created", refuse_once)

    def post():
        request = rf.post(page.url, valid_data)
        request.user = AnonymousUser()
        route = page.route(request, [])
        return page.serve(request, *route.args, **route.kwargs)

    assert post().status_code == 409
    # The same instance answers the next visitor as if it were new.
    assert post().status_code == 303
    assert FormSubmission.objects.count() == 1


def test_each_form_page_types_end_is_a_retention_start_purposes_may_count_from():
    from django.apps import apps

    from forms.models import AbstractFormPage
    from privacy.vocabulary import retention_ends, retention_start_choices

    declared = {
        model.submission_end
        for model in apps.get_models()
        if issubclass(model, AbstractFormPage) and model.submission_end is not None
    }

    assert {end.value for end in declared} >= {"closing", "end"}
    assert declared <= set(retention_ends().values())
    assert {(end.value, end.label) for end in declared} <= set(retention_start_choices())

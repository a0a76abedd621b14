"""A front-end on another origin reads and sends to /api/; nothing else is opened to it."""

import pytest
from django.test import Client

from forms.models import FormSubmission
from tests.headless.conftest import FRONTEND

pytestmark = pytest.mark.django_db

ANSWERS = {"name": "Jan Peeters", "email": "jan@example.org"}


def browser() -> Client:
    """A client that runs the CSRF checks, as a browser meets them."""
    return Client(enforce_csrf_checks=True)


def test_the_api_answers_an_allowed_front_end_with_its_cors_headers(client, frontend, home_page):
    response = client.get("/api/v2/pages/", HTTP_ORIGIN=frontend)

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == frontend
    assert response["Access-Control-Allow-Credentials"] == "true"


def test_a_preflight_for_a_submission_allows_the_csrf_header(client, frontend, contact_form):
    response = client.options(
        f"/api/forms/{contact_form.pk}/submissions",
        HTTP_ORIGIN=frontend,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="x-csrftoken",
    )

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == frontend
    assert "x-csrftoken" in response["Access-Control-Allow-Headers"]
    assert "POST" in response["Access-Control-Allow-Methods"]


def test_an_origin_not_listed_gets_no_cors_headers(client, frontend, home_page):
    response = client.get("/api/v2/pages/", HTTP_ORIGIN="http://elsewhere.example")

    assert "Access-Control-Allow-Origin" not in response


def test_pages_and_the_admin_are_not_opened_to_the_front_end(client, frontend, home_page):
    for url in ("/nl/", "/admin/login/"):
        response = client.get(url, HTTP_ORIGIN=frontend)
        assert "Access-Control-Allow-Origin" not in response, url


def test_without_configuration_production_allows_no_origin(client, home_page):
    # The test settings are base.py's with no CORS_ALLOWED_ORIGINS in the environment.
    response = client.get("/api/v2/pages/", HTTP_ORIGIN=FRONTEND)

    assert "Access-Control-Allow-Origin" not in response


def test_a_front_end_sends_a_form_with_the_csrf_token(frontend, contact_form):
    client = browser()
    token = client.get("/api/csrf", HTTP_ORIGIN=frontend).json()["csrf_token"]

    response = client.post(
        f"/api/forms/{contact_form.pk}/submissions",
        {**ANSWERS, "news": "on"},
        HTTP_ORIGIN=frontend,
        HTTP_X_CSRFTOKEN=token,
    )

    assert response.status_code == 201, response.json()
    assert response["Access-Control-Allow-Origin"] == frontend
    submission = FormSubmission.objects.get()
    assert submission.subject_email == "jan@example.org"


def test_the_token_answer_sets_the_cookie_and_is_never_cached(frontend, home_page):
    response = browser().get("/api/csrf", HTTP_ORIGIN=frontend)

    assert response.cookies["csrftoken"].value
    assert "no-store" in response["Cache-Control"]
    assert response["Access-Control-Allow-Origin"] == frontend


def test_a_browser_without_the_token_is_refused_and_nothing_is_stored(frontend, contact_form):
    client = browser()
    client.get("/api/csrf")  # the cookie, but no token sent back

    response = client.post(
        f"/api/forms/{contact_form.pk}/submissions", ANSWERS, HTTP_ORIGIN=frontend
    )

    assert response.status_code == 403
    assert response.json()["errors"]["__all__"]
    assert not FormSubmission.objects.exists()


def test_another_site_cannot_send_even_with_a_token(frontend, contact_form):
    client = browser()
    token = client.get("/api/csrf").json()["csrf_token"]

    response = client.post(
        f"/api/forms/{contact_form.pk}/submissions",
        ANSWERS,
        HTTP_ORIGIN="http://elsewhere.example",
        HTTP_X_CSRFTOKEN=token,
    )

    assert response.status_code == 403
    assert "elsewhere.example" in response.json()["detail"]
    assert not FormSubmission.objects.exists()


def test_a_signed_in_session_needs_the_token_even_without_an_origin(
    frontend, contact_form, django_user_model
):
    client = browser()
    client.force_login(django_user_model.objects.create_user("editor", password="x"))

    response = client.post(f"/api/forms/{contact_form.pk}/submissions", ANSWERS)

    assert response.status_code == 403
    assert not FormSubmission.objects.exists()


def test_a_client_without_cookies_or_origin_needs_no_token(contact_form):
    # A server-side renderer or a script holds none of a visitor's cookies to abuse.
    response = browser().post(f"/api/forms/{contact_form.pk}/submissions", ANSWERS)

    assert response.status_code == 201


def test_submissions_from_a_front_end_stay_rate_limited(settings, frontend, contact_form):
    settings.FORMS_RATE_LIMIT = "1/m"
    client = browser()
    token = client.get("/api/csrf").json()["csrf_token"]
    url = f"/api/forms/{contact_form.pk}/submissions"
    headers = {"HTTP_ORIGIN": frontend, "HTTP_X_CSRFTOKEN": token}

    assert client.post(url, ANSWERS, **headers).status_code == 201
    refused = client.post(url, ANSWERS, **headers)

    assert refused.status_code == 429
    assert refused["Access-Control-Allow-Origin"] == frontend
    assert "Retry-After" in refused["Access-Control-Expose-Headers"]
    assert FormSubmission.objects.count() == 1


def test_every_sending_operation_documents_the_csrf_refusal(client, db):
    paths = client.get("/api/openapi.json").json()["paths"]

    sending = [
        operation
        for operations in paths.values()
        for method, operation in operations.items()
        if method == "post"
    ]
    assert sending
    assert all("403" in operation["responses"] for operation in sending)
    assert "/api/csrf" in paths

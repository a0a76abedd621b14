"""The global body cap answers 413 before anything reads the body."""

import io
from unittest import mock

import pytest
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from website.middleware import RequestBodyLimitMiddleware

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("default_site")]
LIMIT = 1000


def multipart(client, path, size):
    return client.post(path, {"attachment": io.BytesIO(b"x" * size)})


@override_settings(REQUEST_MAX_BODY_SIZE=LIMIT)
def test_api_body_over_the_cap_gets_json_413(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"  # the message is translated (nl by default)
    response = multipart(client, "/api/forms/1/submissions", LIMIT)
    assert response.status_code == 413
    assert response["Content-Type"] == "application/json"
    assert "at most" in response.json()["detail"]


@override_settings(REQUEST_MAX_BODY_SIZE=LIMIT)
def test_page_body_over_the_cap_gets_a_plain_413_page(client):
    response = multipart(client, "/contact/", LIMIT)
    assert response.status_code == 413
    assert response["Content-Type"].startswith("text/html")
    assert b"<h1>" in response.content


@override_settings(REQUEST_MAX_BODY_SIZE=LIMIT)
def test_body_under_the_cap_reaches_the_view(client):
    # Django's language switcher reads its choice from the POST body: the answer proves
    # the view got the body, not merely that the cap let the request past.
    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/fr/", "pad": "x" * 500})
    assert response.status_code == 302
    assert response["Location"] == "/fr/"
    assert response.cookies["django_language"].value == "fr"


@override_settings(REQUEST_MAX_BODY_SIZE=LIMIT)
def test_the_view_never_sees_an_oversized_body():
    view = mock.Mock(return_value=HttpResponse())
    request = RequestFactory().post("/contact/", {"attachment": io.BytesIO(b"x" * LIMIT)})
    request._stream = mock.Mock(wraps=request._stream)
    response = RequestBodyLimitMiddleware(view)(request)
    assert response.status_code == 413
    view.assert_not_called()
    request._stream.read.assert_not_called()


@override_settings(REQUEST_MAX_BODY_SIZE=LIMIT)
def test_a_spooled_body_without_declared_length_is_measured():
    # ASGI servers spool chunked bodies to a file and declare no length.
    request = RequestFactory().post("/api/forms/1/submissions", data=b"", content_type="x/y")
    request.META.pop("CONTENT_LENGTH", None)
    request._stream = io.BytesIO(b"x" * (LIMIT + 1))
    response = RequestBodyLimitMiddleware(mock.Mock())(request)
    assert response.status_code == 413
    assert request._stream.tell() == 0

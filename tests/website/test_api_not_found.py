"""Addresses under /api/ that no endpoint answers get a JSON 404, never the site's HTML."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "key"),
    [
        ("/api/nothing", "detail"),
        ("/api/nothing/deeper/", "detail"),
        ("/api/v2/pages/abc/", "message"),
        ("/api/v2/nothing/", "message"),
    ],
)
def test_unknown_api_address_is_a_json_404(client, path, key):
    response = client.get(path)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()[key] == "not found"


def test_post_to_an_unknown_api_address_is_a_json_404_not_a_csrf_page(client):
    client.handler.enforce_csrf_checks = True

    response = client.post("/api/nothing", {"a": "b"})

    assert response.status_code == 404
    assert response.json() == {"detail": "not found", "errors": {"__all__": ["not found"]}}


def test_api_address_without_its_trailing_slash_still_redirects(client):
    response = client.get("/api/v2/pages?limit=1")

    assert response.status_code == 301
    assert response["Location"] == "/api/v2/pages/?limit=1"


def test_known_api_addresses_still_answer(client):
    assert client.get("/api/openapi.json").status_code == 200
    assert client.get("/api/v2/documents/").status_code == 200

"""The headless cookie API: categories per language, recording a choice, bad input."""

import json

import pytest

from privacy.models import ConsentRecord, ConsentSource

pytestmark = pytest.mark.django_db

URL = "/api/privacy/cookie-consent"


def post(client, body, **headers):
    return client.post(URL, json.dumps(body), content_type="application/json", **headers)


def test_categories_are_listed_with_their_cookies_in_the_requested_language(
    client, cookie_categories
):
    response = client.get("/api/privacy/cookies?locale=en")

    assert response.status_code == 200
    body = response.json()
    assert body["locale"] == "en" and body["version"] == 1
    assert body["cookie_name"] == "cookie_consent"
    categories = {c["key"]: c for c in body["categories"]}
    assert list(categories) == ["essential", "preferences", "analytics", "advertising", "social"]
    # Translated where a translation exists, the default language's words elsewhere.
    assert categories["analytics"]["name"] == "Analytics (en)"
    assert categories["preferences"]["name"] == "Preferences (nl)"
    assert categories["essential"]["essential"] is True
    assert categories["advertising"]["refused_by_gpc"] is True
    assert categories["analytics"]["cookies"] == [
        {"name": "demo_analytics", "provider": "site", "duration": "6 maanden", "description": ""}
    ]


def test_a_choice_is_recorded_and_answered_with_its_consent_id(client, cookie_categories):
    response = post(
        client,
        {
            "button": "choose",
            "choices": {"analytics": True, "advertising": False},
            "locale": "fr",
            "page": "/fr/",
        },
    )

    assert response.status_code == 201
    body = response.json()
    records = ConsentRecord.objects.filter(anonymous_id=body["consent_id"])
    assert dict(records.values_list("purpose_key", "granted")) == {
        "cookies-preferences": False,
        "cookies-analytics": True,
        "cookies-advertising": False,
        "cookies-social": False,
    }
    assert {r.source for r in records} == {ConsentSource.API}
    assert {r.locale for r in records} == {"fr"}
    assert body["accepted"] == ["analytics"]
    assert body["delete_cookies"] == ["demo_advertising", "demo_preferences", "demo_social"]
    assert response.cookies["cookie_consent"].value


def test_the_site_banner_records_as_the_banner(client, cookie_categories):
    response = post(client, {"button": "accept_all", "source": "banner"})

    assert response.status_code == 201
    assert set(ConsentRecord.objects.values_list("source", flat=True)) == {ConsentSource.BANNER}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"button": "choose", "choices": {"analytics": True, "tracking": True}}, "categories"),
        ({"button": "accept_everything"}, "button"),
    ],
)
def test_unknown_categories_or_buttons_get_a_400_and_nothing_changes(
    client, cookie_categories, body, field
):
    response = post(client, body)

    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert not ConsentRecord.objects.exists()
    assert "cookie_consent" not in response.cookies


@pytest.mark.parametrize(
    "raw", ["not json", json.dumps({"choices": {"analytics": "yes please"}}), json.dumps([1])]
)
def test_malformed_bodies_get_a_json_4xx_and_record_nothing(client, cookie_categories, raw):
    response = client.post(URL, raw, content_type="application/json")

    assert 400 <= response.status_code < 500
    assert response["Content-Type"].startswith("application/json")
    assert not ConsentRecord.objects.exists()


def test_both_endpoints_are_in_the_openapi_document(client):
    paths = client.get("/api/openapi.json").json()["paths"]

    assert "get" in paths["/api/privacy/cookies"]
    assert "post" in paths["/api/privacy/cookie-consent"]

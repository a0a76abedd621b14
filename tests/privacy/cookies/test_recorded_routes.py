"""A cookie choice's proof records the route of the page, never a live link or an address."""

import base64
import importlib
from urllib.parse import parse_qs

import pytest
from django.apps import apps as django_apps
from django.utils import translation

from privacy.links import route_without_secrets
from privacy.models import ConsentRecord
from privacy.services.preferences import preference_centre_url
from tests.privacy.factories import ConsentRecordFactory, PurposeFactory

pytestmark = pytest.mark.django_db

CONSENT_URL = "/nl/my-privacy/cookies/consent/"
ADDRESS = "jan.peeters@example.org"


def _recorded_pages() -> set[str]:
    return {parse_qs(record.source_ref)["page"][0] for record in ConsentRecord.objects.all()}


def _leaks(page: str, token: str) -> bool:
    encoded = base64.urlsafe_b64encode(ADDRESS.encode()).decode().rstrip("=")
    return token in page or ADDRESS in page or encoded in page or "?" in page


def test_a_choice_made_on_the_preference_centre_records_the_route_without_its_token(
    client, home_page, cookie_categories
):
    link = preference_centre_url(ADDRESS, "nl")
    path = link.split("://", 1)[-1].split("/", 1)[1]
    token = path.rstrip("/").rsplit("/", 1)[-1]

    client.post(
        CONSENT_URL, {"button": "refuse_all", "next": f"/{path}?utm_source=mail&email={ADDRESS}"}
    )

    [page] = _recorded_pages()
    assert page == "/nl/my-privacy/preferences/[token]/"
    assert not _leaks(page, token)


def test_the_api_records_the_route_without_query_or_token(client, home_page, cookie_categories):
    token = "Ab3dEfGh1jKlMnOpQrStUvWxYz0123456789_-abcd"
    response = client.post(
        "/api/privacy/cookie-consent",
        {"button": "accept_all", "page": f"/fr/evenements/inscription/{token}/?a=1"},
        content_type="application/json",
    )

    assert response.status_code == 201
    assert _recorded_pages() == {"/fr/evenements/inscription/[token]/"}


@pytest.mark.parametrize(
    ("url", "route"),
    [
        (
            "/nl/nieuws/netwerkavond-in-antwerpen-2026/",
            "/nl/nieuws/netwerkavond-in-antwerpen-2026/",
        ),
        ("https://www.example.org/fr/contact/?x=1#form", "/fr/contact/"),
        (
            "/en/my-privacy/requests/confirm/.eJyrVkpNzFGyUkpJLUvNK1WqBQA:1v9:Xy/",
            "/en/my-privacy/requests/confirm/[token]/",
        ),
        ("", "/"),
    ],
)
def test_route_without_secrets_keeps_page_slugs_and_masks_tokens(url, route):
    assert route_without_secrets(url) == route


def test_the_migration_cleans_the_records_that_hold_live_links(db):
    migration = importlib.import_module(
        "privacy.migrations.0016_consent_records_keep_routes_not_links"
    )
    purpose = PurposeFactory(key="cookies-analytics")
    token = preference_centre_url(ADDRESS, "nl").rstrip("/").rsplit("/", 1)[-1]
    leaky = ConsentRecordFactory(
        purpose=purpose,
        subject_email="",
        anonymous_id="a" * 32,
        source="banner",
        source_ref=f"version=1&button=accept_all&page=/nl/my-privacy/preferences/{token}/?s=1",
    )
    clean = ConsentRecordFactory(
        purpose=purpose,
        subject_email="",
        anonymous_id="b" * 32,
        source="banner",
        source_ref="version=1&button=choose&page=%2Fnl%2Fcontact%2F",
    )

    migration.clean_source_refs(django_apps, None)

    leaky.refresh_from_db()
    clean.refresh_from_db()
    assert parse_qs(leaky.source_ref) == {
        "version": ["1"],
        "button": ["accept_all"],
        "page": ["/nl/my-privacy/preferences/[token]/"],
    }
    assert token not in leaky.source_ref
    assert parse_qs(clean.source_ref)["page"] == ["/nl/contact/"]


def test_the_ledger_calls_the_visitors_id_pseudonymous():
    field = ConsentRecord._meta.get_field("anonymous_id")
    for language, words in {"en": "pseudonymous id", "nl": "gepseudonimiseerde id"}.items():
        with translation.override(language):
            assert str(field.verbose_name) == words

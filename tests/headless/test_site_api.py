"""Site data per language, newsletter sign-up, and caching headers on the APIs."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import OrganisationIdentity, OrganisationSettings
from privacy.models import ConsentRecord, PendingSignup
from tests.home.factories import StandardPageFactory, translate
from tests.privacy.factories import PurposeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(home_page, locales):
    about = StandardPageFactory(parent=home_page, title="Over ons", slug="over-ons")
    home_fr = translate(home_page, locales["fr"], title="Accueil", slug="accueil-fr")
    translate(about, locales["fr"], title="À propos", slug="a-propos")
    identity = OrganisationIdentity.objects.create(
        name="Kamer van Koophandel", address="Markt 1\n1000 Brussel", locale=locales["nl"]
    )
    translate_identity = identity.copy_for_translation(locales["fr"])
    translate_identity.name = "Chambre de commerce"
    translate_identity.save()
    settings_row = OrganisationSettings.load()
    settings_row.contact_email = "info@example.org"
    settings_row.save()
    PurposeFactory(key="newsletter", name="Nieuwsbrief", consent_text="Stuur mij de nieuwsbrief.")
    return home_fr


def test_site_data_has_the_menu_footer_organisation_and_languages(client, site):
    data = client.get("/api/site", {"locale": "fr"}).json()

    assert data["locale"] == "fr"
    assert [item["path"] for item in data["menu"]] == ["/fr/", "/fr/a-propos/"]
    assert data["menu"][0]["is_home"] is True
    assert data["organisation"]["name"] == "Chambre de commerce"
    assert data["organisation"]["contact_email"] == "info@example.org"
    assert data["footer"]["cookie_settings"] == {
        "label": "Paramètres des cookies",
        "path": "/fr/my-privacy/cookies/",
    }
    assert [topic["key"] for topic in data["footer"]["newsletter"]["topics"]] == ["newsletter"]
    assert {lang["code"]: lang["home_path"] for lang in data["languages"]} == {
        "nl": "/nl/",
        "fr": "/fr/",
    }


def test_site_data_is_read_once_and_then_served_from_the_cache(client, site):
    client.get("/api/site", {"locale": "nl"})

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/site", {"locale": "nl"})

    assert response.status_code == 200
    assert len(queries) <= 2  # the site and the cache generation, nothing of the content
    assert "max-age=300" in response["Cache-Control"]


def test_publishing_a_page_shows_in_the_site_data_at_once(client, site, home_page):
    client.get("/api/site", {"locale": "nl"})

    agenda = StandardPageFactory(parent=home_page, title="Agenda", slug="agenda")
    agenda.save_revision().publish()

    paths = [item["path"] for item in client.get("/api/site", {"locale": "nl"}).json()["menu"]]
    assert "/nl/agenda/" in paths


def test_an_unknown_language_is_a_400_naming_the_parameter(client, site):
    response = client.get("/api/site", {"locale": "de"})

    assert response.status_code == 400
    assert "locale" in response.json()["errors"]


def test_api_answers_carry_an_etag_and_answer_304_when_it_matches(client, site):
    first = client.get("/api/v2/pages/", {"locale": "fr"})

    again = client.get("/api/v2/pages/", {"locale": "fr"}, HTTP_IF_NONE_MATCH=first["ETag"])

    assert first.status_code == 200 and first["ETag"]
    assert "public" in first["Cache-Control"] and "max-age" in first["Cache-Control"]
    assert again.status_code == 304
    assert again.content == b""


def test_a_changed_page_changes_the_etag(client, site, home_page):
    first = client.get(f"/api/v2/pages/{home_page.pk}/")
    home_page.title = "Welkom thuis"
    home_page.save_revision().publish()

    again = client.get(f"/api/v2/pages/{home_page.pk}/", HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 200
    assert again.json()["title"] == "Welkom thuis"


def test_answers_that_must_not_be_kept_get_no_etag(client, db):
    response = client.get("/api/csrf")

    assert "no-store" in response["Cache-Control"]
    assert not response.has_header("ETag")


def test_newsletter_sign_up_from_the_api_mails_a_link_and_records_no_consent_yet(
    client, site, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/api/privacy/newsletter",
            {"email": "An@Example.org", "topics": ["newsletter"], "locale": "fr"},
            content_type="application/json",
        )

    assert response.status_code == 202
    pending = PendingSignup.objects.get()
    assert (pending.email, pending.topics, pending.locale) == (
        "an@example.org",
        ["newsletter"],
        "fr",
    )
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["an@example.org"]
    assert not ConsentRecord.objects.exists()


def test_newsletter_sign_up_without_a_topic_is_a_400_and_nothing_is_kept(client, site):
    response = client.post(
        "/api/privacy/newsletter",
        {"email": "an@example.org", "topics": []},
        content_type="application/json",
    )

    assert response.status_code == 400
    assert "topics" in response.json()["errors"]
    assert not PendingSignup.objects.exists()


def test_newsletter_sign_ups_are_rate_limited(client, site, settings):
    settings.PRIVACY_RATE_LIMIT = "1/m"
    body = {"email": "an@example.org", "topics": ["newsletter"]}
    post = lambda: client.post("/api/privacy/newsletter", body, content_type="application/json")  # noqa: E731

    assert post().status_code == 202
    refused = post()

    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0


def test_the_document_tells_the_sign_up_topics_and_the_footer_block_apart(client, db):
    # Two schemas of one name would be merged in the document: one operation's answer would
    # be described by the other's.
    from website.api import api

    schemas = api.get_openapi_schema()["components"]["schemas"]
    assert schemas["NewsletterOut"]["required"] == ["locale", "topics"]
    assert "heading" in schemas["NewsletterBlockOut"]["required"]

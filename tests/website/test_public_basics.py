"""What a public site answers besides its pages: sitemap, robots.txt, security.txt, the
favicon, and 404 and 500 pages in the visitor's language without debug detail."""

from datetime import UTC, datetime, timedelta
from unittest import mock
from xml.etree import ElementTree

import pytest
from django.contrib.staticfiles import finders
from django.db import OperationalError
from django.test import Client

from home.models import HomePage, OrganisationSettings
from tests.home.factories import StandardPageFactory, translate

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture
def tree(home_page, locales):
    """Home and "about" in nl, fr and en; "news" in Dutch alone; a draft that is not live."""
    about = StandardPageFactory(parent=home_page, title="Over ons", slug="about")
    news = StandardPageFactory(parent=about, title="Nieuws", slug="nieuws")
    draft = StandardPageFactory(parent=home_page, title="Concept", slug="concept", live=False)
    pages = {"home": {"nl": home_page}, "about": {"nl": about}, "news": news, "draft": draft}
    for code in ("fr", "en"):
        pages["home"][code] = translate(home_page, locales[code], slug=f"home-{code}")
        pages["about"][code] = translate(about, locales[code], slug=f"about-{code}")
    OrganisationSettings.load()
    return pages


def _sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    entries = {}
    # The site's own output, not untrusted input.
    document = ElementTree.fromstring(response.content)  # noqa: S314
    for url in document.iter(f"{SITEMAP}url"):
        alternates = {
            link.get("hreflang"): link.get("href")
            for link in url.iter(f"{XHTML}link")
            if link.get("rel") == "alternate"
        }
        entries[url.find(f"{SITEMAP}loc").text] = alternates
    return entries


def test_sitemap_lists_every_live_page_in_every_language(client, tree):
    entries = _sitemap(client)

    expected = [tree["news"], tree["home"]["nl"], *tree["home"].values(), *tree["about"].values()]
    assert {page.get_full_url() for page in expected} == set(entries)
    assert tree["draft"].get_full_url() not in entries


def test_each_sitemap_url_lists_its_translations_as_hreflang_alternates(client, tree):
    entries = _sitemap(client)

    about = {code: page.get_full_url() for code, page in tree["about"].items()}
    for location in about.values():
        assert entries[location] == {**about, "x-default": about["nl"]}
    assert entries[tree["news"].get_full_url()] == {}


def test_sitemap_takes_the_same_queries_however_many_pages(
    client, tree, django_assert_max_num_queries
):
    client.get("/sitemap.xml")
    with django_assert_max_num_queries(12) as few:
        client.get("/sitemap.xml")
    for number in range(20):
        StandardPageFactory(parent=tree["about"]["nl"], title=f"P{number}", slug=f"p{number}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/sitemap.xml")


def test_robots_txt_points_to_the_absolute_sitemap_and_keeps_crawlers_out_of_admin(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /api/" in lines


def _fields(response) -> dict:
    return dict(line.split(": ", 1) for line in response.content.decode().splitlines())


def test_security_txt_names_the_contact_and_expires_a_year_after_the_request(client, settings):
    settings.SECURITY_CONTACT = "security@kamer.example"

    response = client.get("/.well-known/security.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    fields = _fields(response)
    assert fields["Contact"] == "mailto:security@kamer.example"
    assert fields["Preferred-Languages"] == "nl, fr, en"
    assert fields["Canonical"] == "http://testserver/.well-known/security.txt"
    expires = datetime.strptime(fields["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    assert abs(expires - (datetime.now(UTC) + timedelta(days=365))) < timedelta(minutes=5)


def test_security_txt_keeps_a_contact_that_is_already_a_uri(client, settings):
    settings.SECURITY_CONTACT = "https://kamer.example/security"

    assert _fields(client.get("/.well-known/security.txt"))["Contact"] == (
        "https://kamer.example/security"
    )


def test_favicon_ico_answers_and_pages_link_the_icons(client, tree):
    response = client.get("/favicon.ico")

    assert response.status_code == 302
    assert response["Location"] == "/static/favicon.ico"
    assert finders.find("favicon.ico") and finders.find("favicon.svg")
    with open(finders.find("favicon.ico"), "rb") as icon:
        assert icon.read(4) == b"\x00\x00\x01\x00"  # an ICO file's header
    html = client.get("/nl/").content.decode()
    assert 'rel="icon" href="/static/favicon.ico"' in html
    assert 'rel="icon" href="/static/favicon.svg" type="image/svg+xml"' in html


NOT_FOUND = {"nl": "Pagina niet gevonden", "fr": "Page introuvable", "en": "Page not found"}
SERVER_ERROR = {
    "nl": "Er ging iets mis",
    "fr": "Une erreur s’est produite",
    "en": "Something went wrong",
}


@pytest.mark.parametrize("code", ["nl", "fr", "en"])
def test_404_is_in_the_language_of_the_address(client, tree, code):
    response = client.get(f"/{code}/bestaat-niet/")

    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{code}">' in html
    assert NOT_FOUND[code] in html
    assert "Traceback" not in html and "Request Method" not in html


@pytest.mark.parametrize("code", ["nl", "fr", "en"])
def test_404_without_a_language_follows_the_browser(client, tree, code):
    response = client.get("/bestaat-niet/", HTTP_ACCEPT_LANGUAGE=code, follow=True)

    assert response.status_code == 404
    assert NOT_FOUND[code] in response.content.decode()


@pytest.fixture
def failing_pages():
    """Every page view raises, as a bug or a lost database would."""
    error = RuntimeError("secret detail: /srv/chamber/settings.py password=hunter2")
    with mock.patch.object(HomePage, "serve", side_effect=error):
        yield Client(raise_request_exception=False)


@pytest.mark.parametrize("code", ["nl", "fr", "en"])
def test_500_is_in_the_language_of_the_address_with_no_detail(tree, failing_pages, code):
    response = failing_pages.get(f"/{code}/")

    assert response.status_code == 500
    html = response.content.decode()
    assert f'<html lang="{code}">' in html
    assert SERVER_ERROR[code] in html
    assert "secret detail" not in html and "Traceback" not in html and "hunter2" not in html


def test_500_page_renders_even_when_its_template_cannot(tree, failing_pages):
    with mock.patch("website.views.loader.get_template", side_effect=RuntimeError("broken")):
        response = failing_pages.get("/fr/")

    assert response.status_code == 500
    assert "Une erreur s’est produite" in response.content.decode()


def test_500_under_the_api_is_json_in_the_error_shape():
    client = Client(raise_request_exception=False)
    with mock.patch("forms.api.form_page_for", side_effect=RuntimeError("secret detail")):
        response = client.get("/api/forms/1")

    assert response.status_code == 500
    body = response.json()
    assert body["errors"]["__all__"] == [body["detail"]]
    assert "secret" not in body["detail"]


def test_a_lost_database_answers_503_with_retry_after_not_500(tree):
    client = Client(raise_request_exception=False)
    lost = OperationalError("connection to server at 10.0.0.5 failed: password=hunter2")
    with mock.patch.object(HomePage, "serve", side_effect=lost):
        response = client.get("/en/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert SERVER_ERROR["en"] in html
    assert "10.0.0.5" not in html and "hunter2" not in html


def test_an_unreachable_cache_under_the_api_answers_503_json():
    from redis.exceptions import ConnectionError as RedisConnectionError

    client = Client(raise_request_exception=False)
    with mock.patch(
        "forms.api.form_page_for", side_effect=RedisConnectionError("Error 111 connecting")
    ):
        response = client.get("/api/forms/1")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "111" not in response.json()["detail"]

"""The headless API: pages per locale, their fields and the ids of their translations."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail_factories import DocumentFactory, ImageFactory

from tests.home.factories import StandardPageFactory


def test_pages_are_listed_per_locale(client, site_tree):
    response = client.get("/api/v2/pages/", {"locale": "fr", "fields": "title"})

    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["title"] for item in items] == ["Bienvenue", "À propos"]
    assert {item["meta"]["locale"] for item in items} == {"fr"}


def test_listing_by_type_carries_the_page_fields(client, site_tree):
    response = client.get(
        "/api/v2/pages/", {"type": "home.HomePage", "locale": "en", "fields": "*"}
    )

    [home] = response.json()["items"]
    assert home["title"] == "Welcome"
    assert home["hero_title"] == "Kamer van Koophandel"
    assert home["intro"] == "<p>Een introductie.</p>"
    assert home["body"] == []


def test_page_detail_has_body_blocks_and_translation_ids(client, site_tree):
    about = site_tree.about["nl"]
    about.body = [
        ("paragraph", "<p>Tekst</p>"),
        ("quote", {"quote": "Goed gedaan.", "attribution": "Jan"}),
    ]
    about.save_revision().publish()

    data = client.get(f"/api/v2/pages/{about.pk}/").json()

    assert data["intro"] == "Inleiding."
    assert [block["type"] for block in data["body"]] == ["paragraph", "quote"]
    assert data["body"][1]["value"] == {"quote": "Goed gedaan.", "attribution": "Jan"}
    assert data["meta"]["translations"] == {code: page.pk for code, page in site_tree.about.items()}


def test_translation_ids_lead_to_the_translated_pages(client, site_tree):
    nl = client.get(f"/api/v2/pages/{site_tree.home['nl'].pk}/").json()

    fr = client.get(f"/api/v2/pages/{nl['meta']['translations']['fr']}/").json()

    assert fr["title"] == "Bienvenue"
    assert fr["meta"]["locale"] == "fr"


def test_untranslated_page_lists_only_itself(client, site_tree):
    data = client.get(f"/api/v2/pages/{site_tree.news.pk}/").json()

    assert data["meta"]["translations"] == {"nl": site_tree.news.pk}


def test_listing_query_count_is_independent_of_size(client, site_tree):
    parent = site_tree.about["nl"]

    def queries_for_listing():
        client.get("/api/v2/pages/", {"child_of": parent.pk})  # warm Wagtail's own caches
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/api/v2/pages/", {"child_of": parent.pk, "limit": 100})
        return len(queries), response.json()["meta"]["total_count"]

    StandardPageFactory(parent=parent, title="Kind")
    few, total = queries_for_listing()
    for n in range(30):
        StandardPageFactory(parent=parent, title=f"Kind {n}")
    many, total_after = queries_for_listing()

    assert (total, total_after) == (2, 32)
    assert many == few


def test_unknown_locale_is_a_json_404(client, site_tree):
    response = client.get("/api/v2/pages/", {"locale": "de"})

    assert response.status_code == 404
    assert "message" in response.json()


def test_home_page_json_links_its_hero_image_and_the_images_endpoint_lists_it(client, site_tree):
    image = ImageFactory(title="Haven van Antwerpen")
    home = site_tree.home["nl"]
    home.hero_image = image
    home.save_revision().publish()

    data = client.get(f"/api/v2/pages/{home.pk}/").json()
    images = client.get("/api/v2/images/").json()

    assert data["hero_image"]["id"] == image.pk
    assert data["hero_image_rendition"]["url"].startswith("/media/images/")
    assert data["hero_image_rendition"]["width"] > 0
    assert [item["title"] for item in images["items"]] == ["Haven van Antwerpen"]


def test_documents_endpoint_answers_with_json(client, db):
    response = client.get("/api/v2/documents/")

    assert response.status_code == 200
    assert response.json()["meta"]["total_count"] == 0


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
@pytest.mark.parametrize(("query", "operator"), [('"', "and"), ('a"b', "or"), (" ", "and")])
def test_search_with_stray_quotes_or_only_spaces_answers_200(
    client, site_tree, endpoint, query, operator
):
    ImageFactory(title="Haven van Antwerpen")
    DocumentFactory(title="Haven van Antwerpen")

    response = client.get(f"/api/v2/{endpoint}/", {"search": query, "search_operator": operator})

    assert response.status_code == 200
    assert "items" in response.json()


@pytest.mark.parametrize("endpoint", ["images", "documents"])
def test_search_still_finds_words_next_to_a_quote(client, db, endpoint):
    ImageFactory(title="Haven van Antwerpen")
    DocumentFactory(title="Haven van Antwerpen")

    response = client.get(f"/api/v2/{endpoint}/", {"search": '"Haven'})

    assert [item["title"] for item in response.json()["items"]] == ["Haven van Antwerpen"]


@pytest.mark.parametrize(
    ("html_path", "language", "page"),
    [
        ("/nl/about/", "nl", "about"),
        ("/fr/a-propos/", "fr", "about"),
        ("/en/about-us/", "en", "about"),
        ("/fr/", "fr", "home"),
        ("/about/", "nl", "about"),
    ],
)
def test_find_by_html_path_leads_to_the_page_in_that_language(
    client, site_tree, html_path, language, page
):
    response = client.get("/api/v2/pages/find/", {"html_path": html_path})

    expected = getattr(site_tree, page)[language]
    assert response.status_code == 302
    # A path: the client stays on the host it asked (website.api_v2.RelativeFindMixin).
    assert response["Location"].startswith(f"/api/v2/pages/{expected.pk}/")
    assert client.get(response["Location"]).json()["meta"]["locale"] == language


@pytest.mark.parametrize("html_path", ["/fr/about/", "/de/about/", "/nl/nowhere/"])
def test_find_by_html_path_of_no_page_is_a_json_404(client, site_tree, html_path):
    response = client.get("/api/v2/pages/find/", {"html_path": html_path})

    assert response.status_code == 404
    assert "message" in response.json()


def test_listing_gives_translation_ids_when_asked_through_fields(client, site_tree):
    response = client.get("/api/v2/pages/", {"locale": "nl", "fields": "translations"})

    assert response.status_code == 200
    by_id = {item["id"]: item["meta"]["translations"] for item in response.json()["items"]}
    about = site_tree.about["nl"]
    assert by_id[about.pk] == {code: page.pk for code, page in site_tree.about.items()}
    assert by_id[site_tree.news.pk] == {"nl": site_tree.news.pk}


def test_listing_translations_cost_the_same_queries_for_any_number_of_pages(client, site_tree):
    parent = site_tree.about["nl"]
    params = {"child_of": parent.pk, "limit": 100, "fields": "translations"}

    def queries_for_listing():
        client.get("/api/v2/pages/", params)  # warm Wagtail's own caches
        with CaptureQueriesContext(connection) as queries:
            items = client.get("/api/v2/pages/", params).json()["items"]
        assert all(item["meta"]["translations"] for item in items)
        return len(queries)

    few = queries_for_listing()
    for n in range(10):
        StandardPageFactory(parent=parent, title=f"Kind {n}")

    assert queries_for_listing() == few

"""Visitors get the home page whole from the cache; what is theirs alone is put in per request.

A visit caches the page, then each test changes something and looks at the next request: a
publication shows at once, and no visitor ever sees another's cookie banner, token or userbar.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client

from tests.home.factories import StandardPageFactory
from tests.privacy.cookies.conftest import cookie_categories  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def _banner_opening_tag(html: str) -> str:
    return re.search(r'<section class="cookie-banner"[^>]*>', html)[0]


def _token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]


@pytest.fixture
def cached_home(client, site_tree, cookie_categories):  # noqa: F811
    cache.clear()
    assert client.get("/nl/").status_code == 200  # the page is now cached whole
    return site_tree


def test_a_published_change_to_the_page_shows_on_the_next_request(client, cached_home):
    home = cached_home.home["nl"]
    home.hero_title = "Samen ondernemen"
    home.save_revision().publish()

    assert "Samen ondernemen" in client.get("/nl/").text


def test_a_published_translation_shows_on_the_next_request(client, cached_home):
    assert client.get("/fr/").status_code == 200  # cached in French too
    french = cached_home.home["fr"]
    french.hero_title = "Entreprendre ensemble"
    french.save_revision().publish()

    assert "Entreprendre ensemble" in client.get("/fr/").text
    assert "Entreprendre ensemble" not in client.get("/nl/").text


def test_an_unpublished_menu_page_leaves_the_cached_page_at_once(client, cached_home):
    members = StandardPageFactory(
        parent=cached_home.home["nl"], title="Ledenvoordelen", show_in_menus=True, live=False
    )
    members.save_revision().publish()
    assert "Ledenvoordelen" in client.get("/nl/").text

    members.refresh_from_db()  # live since its publication
    members.unpublish()

    assert "Ledenvoordelen" not in client.get("/nl/").text


def test_a_visitors_cookie_choice_is_not_shown_to_the_next_visitor(client, cached_home):
    response = client.post(
        "/nl/my-privacy/cookies/consent/", {"button": "refuse_all", "next": "/nl/"}
    )
    assert response.status_code == 302

    chosen = client.get("/nl/").text
    newcomer = Client().get("/nl/").text

    assert " hidden" in _banner_opening_tag(chosen)  # closed, ready to reopen
    assert " hidden" not in _banner_opening_tag(newcomer)  # still asks


def test_each_visitor_gets_a_token_of_their_own(cached_home):
    first, second = Client(), Client()
    first_html, second_html = first.get("/nl/").text, second.get("/nl/").text

    assert _token(first_html) != _token(second_html)
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value


def test_a_signed_in_editor_gets_the_userbar_on_the_page_visitors_get_cached(client, cached_home):
    editor = get_user_model().objects.create_superuser("cached", "cached@example.org", "pw")
    signed_in = Client()
    signed_in.force_login(editor)

    assert "wagtail-userbar" in signed_in.get("/nl/").text
    assert "wagtail-userbar" not in client.get("/nl/").text

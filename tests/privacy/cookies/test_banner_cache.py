"""The cookie banner is rendered once per language and state, and filled in per request."""

import re

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db


def _banner(html: str) -> str:
    start = html.index('id="cookie-banner"')
    return html[start : html.index("</section>", start)]


def test_each_visitor_gets_their_own_token_and_way_back(client, home_page):
    from tests.home.factories import StandardPageFactory

    other = StandardPageFactory(parent=home_page, title="Over ons", slug="over-ons")
    cache.clear()
    first = _banner(client.get("/nl/").text)
    client.cookies.clear()
    second = _banner(client.get(other.url + "?x=1&y=2").text)

    tokens = [
        re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', b)[1] for b in (first, second)
    ]
    assert tokens[0] != tokens[1]
    assert 'name="next" value="/nl/"' in first
    assert f'name="next" value="{other.url}?x=1&amp;y=2"' in second
    assert f"?next={other.url}%3Fx%3D1%26y%3D2" in second


def test_the_banners_post_is_accepted_with_the_filled_in_token(home_page):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    banner = _banner(client.get("/nl/").text)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', banner)[1]

    response = client.post(
        "/cookies/consent/",
        {"csrfmiddlewaretoken": token, "button": "refuse_all", "next": "/nl/"},
    )

    assert response.status_code == 302


def test_the_policy_link_costs_no_query_once_cached(home_page, django_assert_num_queries):
    """On every page view the banner asks for the policy's URL; without a policy page in the
    visitor's language it falls back to the default language's without reading a Locale."""
    from privacy.selectors import policy_page_url

    policy_page_url(locale="fr")
    with django_assert_num_queries(0):
        assert policy_page_url(locale="fr") is None


def test_the_banner_links_a_policy_page_published_after_it_was_first_shown(client, home_page):
    from tests.privacy.policy_factories import policy_page

    before = _banner(client.get("/nl/").text)
    policy = policy_page(home_page)
    after = _banner(client.get("/nl/").text)

    assert f'href="{policy.url}#cookies"' not in before
    assert f'href="{policy.url}#cookies"' in after

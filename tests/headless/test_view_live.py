"""With the front-end as the public site, "View live" and old links open the page there."""

import pytest

from tests.home.factories import NewsIndexPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db

SITE = "https://www.example.org"


@pytest.fixture
def front_end_site(settings):
    settings.WAGTAIL_HEADLESS_PREVIEW = {
        "CLIENT_URLS": {"default": "http://localhost:3000"},
        "REDIRECT_ON_PREVIEW": True,
        "SERVE_BASE_URL": SITE,
    }


@pytest.fixture
def about(home_page):
    return StandardPageFactory(parent=home_page, title="Over ons", slug="over-ons")


def test_view_live_in_the_editor_opens_the_page_in_the_front_end(
    admin_client, client, front_end_site, about
):
    edit = admin_client.get(f"/admin/pages/{about.pk}/edit/")
    assert edit.status_code == 200
    live_url = about.get_url()
    assert f'href="{live_url}"' in edit.content.decode()

    response = client.get(live_url + "?page=2")

    assert response.status_code == 302
    assert response["Location"] == f"{SITE}{live_url}?page=2"


def test_a_front_end_routing_by_hash_gets_the_path_after_its_hash(
    client, settings, front_end_site, about
):
    settings.WAGTAIL_HEADLESS_PREVIEW = {
        **settings.WAGTAIL_HEADLESS_PREVIEW,
        "SERVE_BASE_URL": "http://localhost:3000/#",
    }

    response = client.get(about.get_url())

    assert response["Location"] == f"http://localhost:3000/#{about.get_url()}"


def test_sub_routes_and_posts_are_still_answered_by_the_site(client, front_end_site, home_page):
    news = NewsIndexPageFactory(parent=home_page, title="Nieuws", slug="nieuws")

    feed = client.get(news.get_url() + "feed/")
    posted = client.post(news.get_url())

    assert feed.status_code == 200
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert posted.status_code != 302


def test_without_a_front_end_site_the_pages_are_served_here(client, about):
    response = client.get(about.get_url())

    assert response.status_code == 200
    assert "Over ons" in response.content.decode()

"""An editor's draft previews in the front-end, read through the API with a short-lived token."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import RequestFactory

from tests.home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

CLIENT = "http://localhost:3000"


@pytest.fixture
def front_end(settings):
    settings.WAGTAIL_HEADLESS_PREVIEW = {
        "CLIENT_URLS": {"default": CLIENT},
        "REDIRECT_ON_PREVIEW": True,
    }


@pytest.fixture
def draft(home_page):
    page = StandardPageFactory(parent=home_page, title="Over ons", slug="over-ons")
    page.title = "Over ons (concept)"
    page.save_revision()
    return page.get_latest_revision_as_object()


def preview(page):
    request = RequestFactory().get("/")
    return page.serve_preview(request, page.default_preview_mode)


def test_a_preview_opens_the_front_end_with_a_token_for_the_draft(client, front_end, draft):
    response = preview(draft)

    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert f"{location.scheme}://{location.netloc}" == CLIENT
    query = {key: values[0] for key, values in parse_qs(location.query).items()}
    assert query["content_type"] == "home.standardpage"

    data = client.get("/api/v2/page_preview/", query)

    assert data.status_code == 200
    assert data.json()["title"] == "Over ons (concept)"
    assert "no-store" in data["Cache-Control"]
    # The live page is untouched.
    assert client.get(f"/api/v2/pages/{draft.pk}/").json()["title"] == "Over ons"


def test_an_altered_or_old_token_shows_nothing(client, settings, front_end, draft):
    query = parse_qs(urlsplit(preview(draft)["Location"]).query)
    params = {"content_type": query["content_type"][0], "token": query["token"][0]}

    altered = client.get("/api/v2/page_preview/", {**params, "token": params["token"] + "x"})
    # Any age is over a lifetime below zero: the token has expired.
    settings.HEADLESS_PREVIEW_TOKEN_SECONDS = -1
    expired = client.get("/api/v2/page_preview/", params)

    assert altered.status_code == 404
    assert expired.status_code == 404


def test_without_a_front_end_the_site_renders_the_preview_itself(draft):
    response = preview(draft)

    assert response.status_code == 200
    assert "Over ons (concept)" in response.rendered_content


def test_the_admin_may_frame_the_front_end_for_its_preview_panel(admin_client, front_end):
    response = admin_client.get("/admin/")

    assert CLIENT in response["Content-Security-Policy"].split("frame-src", 1)[1].split(";")[0]

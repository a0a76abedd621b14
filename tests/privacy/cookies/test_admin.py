"""Editors manage categories, tags, the cookie policy version and the policy page."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from privacy.models import CookiePolicySettings, Tag
from tests.privacy.policy_factories import policy_page

pytestmark = pytest.mark.django_db


def settings_url():
    pk = CookiePolicySettings.load().pk
    return reverse("wagtailsettings:edit", args=["privacy", "cookiepolicysettings", pk])


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(user)
    return client


def test_the_admin_lists_and_edits_categories_tags_and_the_policy(
    admin_client, home_page, cookie_categories
):
    page = policy_page(home_page)
    analytics = cookie_categories["analytics"]
    tag = Tag.objects.get(category=analytics)
    urls = [
        reverse("wagtailsnippets_privacy_cookiecategory:list"),
        reverse("wagtailsnippets_privacy_cookiecategory:edit", args=[analytics.pk]),
        reverse("wagtailsnippets_privacy_tag:list"),
        reverse("wagtailsnippets_privacy_tag:edit", args=[tag.pk]),
        settings_url(),
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        reverse("wagtailadmin_pages:add", args=["privacy", "privacypolicypage", home_page.pk]),
    ]
    for url in urls:
        assert admin_client.get(url).status_code == 200, url


def test_an_editor_raises_the_cookie_policy_version(admin_client, home_page, cookie_categories):
    response = admin_client.post(settings_url(), {"version": "2", "changed_on": "2026-11-30"})

    assert response.status_code == 302
    assert CookiePolicySettings.load().version == 2


def test_a_tag_needs_a_script_url_on_this_site_or_https_or_html(admin_client, cookie_categories):
    url = reverse("wagtailsnippets_privacy_tag:add")
    base = {"name": "Pixel", "category": cookie_categories["advertising"].pk, "live": "on"}

    for bad in ({"script_url": "http://tracker.example/p.js"}, {"script_url": "//cdn/x.js"}, {}):
        response = admin_client.post(url, {**base, "html": "", **bad})
        assert response.status_code == 200, bad
    assert Tag.objects.filter(name="Pixel").count() == 0

    response = admin_client.post(url, {**base, "script_url": "/static/pixel.js", "html": ""})
    assert response.status_code == 302

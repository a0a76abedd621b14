"""The cookie banner without JavaScript: first visit, choices, withdrawal, versions, GPC."""

import re
from urllib.parse import parse_qs

import pytest
from django.core import signing
from django.db import connection
from django.test.utils import CaptureQueriesContext

from privacy.models import ConsentRecord, ConsentSource, CookieCategory, CookiePolicySettings
from privacy.services.cookies import SALT

pytestmark = pytest.mark.django_db

CONSENT_URL = "/nl/my-privacy/cookies/consent/"


@pytest.fixture
def page_url(home_page, cookie_categories):
    return home_page.url


def active_tags(html: str) -> set[str]:
    """Categories whose tags are live in the page: outside any inert <template>."""
    outside = re.sub(r"<template\b.*?</template>", "", html, flags=re.S)
    return set(re.findall(r'data-cookie-tag="([\w-]+)"', outside))


def banner(html: str) -> str | None:
    match = re.search(r"<section class=\"cookie-banner\".*?</section>", html, re.S)
    return match.group(0) if match else None


def choose(client, button, categories=(), next_url="/nl/", **headers):
    return client.post(
        CONSENT_URL,
        {"button": button, "category": list(categories), "next": next_url},
        **headers,
    )


def test_first_visit_shows_the_banner_with_three_equal_choices_and_nothing_ticked(client, page_url):
    response = client.get(page_url)

    html = response.content.decode()
    shown = banner(html)
    assert shown is not None and " hidden" not in shown.split(">")[0]
    # The first layer: three controls of one class (size, colour, level), side by side.
    first_layer = re.search(r'<div class="cookie-banner__actions">(.*?)</div>', shown, re.S)[1]
    controls = re.findall(r"<(?:button|a)\b([^>]*)>([^<]+)<", first_layer)
    assert [label for _attrs, label in controls] == ["Alles aanvaarden", "Alles weigeren", "Kiezen"]
    assert all('class="cookie-button"' in attrs for attrs, _label in controls)
    assert not re.search(r'name="category"[^>]*checked', shown)
    assert active_tags(html) == set()
    assert set(re.findall(r'<template data-cookie-category="([\w-]+)"', html)) == {
        "preferences",
        "analytics",
        "advertising",
        "social",
    }
    # Only the essential CSRF cookie; no choice is assumed.
    assert set(response.cookies) <= {"csrftoken"}
    assert not ConsentRecord.objects.exists()


def test_accept_all_records_each_category_sets_the_cookie_and_tags_run_next_time(client, page_url):
    response = choose(client, "accept_all", next_url=page_url)

    assert response.status_code == 302 and response["Location"] == page_url
    cookie = response.cookies["cookie_consent"]
    assert int(cookie["max-age"]) == 182 * 24 * 3600 and cookie["httponly"]
    records = ConsentRecord.objects.order_by("purpose_key")
    assert [(r.purpose_key, r.granted) for r in records] == [
        ("cookies-advertising", True),
        ("cookies-analytics", True),
        ("cookies-preferences", True),
        ("cookies-social", True),
    ]
    consent_id = records[0].anonymous_id
    assert len(consent_id) == 32 and {r.anonymous_id for r in records} == {consent_id}
    assert {r.source for r in records} == {ConsentSource.BANNER}
    assert {r.locale for r in records} == {"nl"}
    analytics = records.get(purpose_key="cookies-analytics")
    assert analytics.text_shown == "Analytics (nl): Over analytics."
    proof = parse_qs(analytics.source_ref)
    revision = proof.pop("category_revision")
    assert proof == {"version": ["1"], "button": ["accept_all"], "page": [page_url]}
    category = CookieCategory.objects.get(key="analytics", locale__language_code="nl")
    assert category.revisions.filter(pk=int(revision[0])).exists()

    html = client.get(page_url).content.decode()
    assert active_tags(html) == {"preferences", "analytics", "advertising", "social"}
    assert " hidden" in banner(html).split(">")[0]


def test_refuse_all_keeps_every_tag_out_and_the_site_works(client, page_url):
    response = choose(client, "refuse_all", next_url=page_url)

    assert response.status_code == 302
    assert set(ConsentRecord.objects.values_list("granted", flat=True)) == {False}
    page = client.get(page_url)
    assert page.status_code == 200
    assert active_tags(page.content.decode()) == set()


def test_choose_accepts_only_the_ticked_categories(client, page_url):
    choose(client, "choose", ["analytics"], next_url=page_url)

    granted = dict(ConsentRecord.objects.values_list("purpose_key", "granted"))
    assert granted == {
        "cookies-preferences": False,
        "cookies-analytics": True,
        "cookies-advertising": False,
        "cookies-social": False,
    }
    assert active_tags(client.get(page_url).content.decode()) == {"analytics"}


def test_withdrawing_deletes_the_category_cookies_and_marks_the_grant_withdrawn(client, page_url):
    choose(client, "accept_all", next_url=page_url)
    consent_id = ConsentRecord.objects.first().anonymous_id
    client.cookies["demo_analytics"] = "1"

    response = choose(client, "choose", ["preferences"], next_url=page_url)

    expired = response.cookies["demo_analytics"]
    assert expired.value == "" and expired["max-age"] == 0
    analytics = ConsentRecord.objects.filter(purpose_key="cookies-analytics").order_by("pk")
    assert [r.granted for r in analytics] == [True, False]
    assert analytics[0].withdrawn_at is not None
    # The same anonymous id ties the two decisions together.
    assert set(ConsentRecord.objects.values_list("anonymous_id", flat=True)) == {consent_id}
    assert active_tags(client.get(page_url).content.decode()) == {"preferences"}


def test_raising_the_policy_version_asks_again_and_stops_the_tags(client, page_url):
    choose(client, "accept_all", next_url=page_url)
    settings = CookiePolicySettings.load()
    settings.version = 2
    settings.save()

    html = client.get(page_url).content.decode()

    assert " hidden" not in banner(html).split(">")[0]
    assert active_tags(html) == set()


@pytest.mark.parametrize(
    "value",
    [
        "garbage",
        "",
        "a" * 4000,
        # Well-formed JSON with a forged signature.
        signing.dumps({"id": "0" * 32, "v": 1, "a": ["analytics"]}, salt=SALT)[:-3] + "abc",
        # Signed by the site but for another version, or with the wrong shape.
        signing.dumps({"id": "0" * 32, "v": 99, "a": ["analytics"]}, salt=SALT),
        signing.dumps({"id": "../../", "v": 1, "a": ["analytics"]}, salt=SALT),
        signing.dumps({"id": "0" * 32, "v": True, "a": ["analytics"]}, salt=SALT),
        signing.dumps(["analytics"], salt=SALT),
    ],
)
def test_an_unknown_version_or_garbage_in_the_cookie_means_ask_again(client, page_url, value):
    client.cookies["cookie_consent"] = value

    response = client.get(page_url)

    assert response.status_code == 200
    html = response.content.decode()
    assert " hidden" not in banner(html).split(">")[0]
    assert active_tags(html) == set()


def test_a_form_post_with_an_unknown_category_is_refused_and_changes_nothing(client, page_url):
    choose(client, "choose", ["analytics"], next_url=page_url)
    before = list(ConsentRecord.objects.values_list("pk", "granted", "withdrawn_at"))
    cookie_before = client.cookies["cookie_consent"].value

    response = choose(client, "choose", ["analytics", "tracking"], next_url=page_url)

    assert response.status_code == 400
    assert "tracking" in response.content.decode()
    assert "cookie_consent" not in response.cookies
    assert list(ConsentRecord.objects.values_list("pk", "granted", "withdrawn_at")) == before
    assert client.cookies["cookie_consent"].value == cookie_before


def test_an_unknown_button_is_refused(client, page_url):
    response = choose(client, "accept_everything_forever", next_url=page_url)

    assert response.status_code == 400
    assert not ConsentRecord.objects.exists()


def test_the_form_never_redirects_to_another_site(client, page_url):
    response = choose(client, "refuse_all", next_url="https://evil.example/")

    assert response.status_code == 302 and response["Location"] == "/"


def test_global_privacy_control_refuses_advertising_and_social_and_the_banner_says_so(
    client, page_url
):
    html = client.get(page_url, HTTP_SEC_GPC="1").content.decode()
    assert "data-cookie-gpc" in banner(html)
    assert "data-cookie-gpc" not in banner(client.get(page_url).content.decode())

    choose(client, "accept_all", next_url=page_url, HTTP_SEC_GPC="1")

    granted = dict(ConsentRecord.objects.values_list("purpose_key", "granted"))
    assert granted["cookies-advertising"] is False and granted["cookies-social"] is False
    assert granted["cookies-analytics"] is True
    html = client.get(page_url, HTTP_SEC_GPC="1").content.decode()
    assert active_tags(html) == {"preferences", "analytics"}


def test_under_gpc_an_explicit_choice_still_turns_advertising_on(client, page_url):
    choose(client, "choose", ["advertising"], next_url=page_url, HTTP_SEC_GPC="1")

    assert ConsentRecord.objects.get(purpose_key="cookies-advertising").granted is True


def test_the_cookie_settings_page_works_without_javascript_and_shows_the_choice(client, page_url):
    choose(client, "choose", ["analytics"], next_url=page_url)

    response = client.get("/nl/my-privacy/cookies/", HTTP_REFERER=page_url)

    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'value="analytics"[^>]*checked', html)
    assert not re.search(r'value="advertising"[^>]*checked', html)
    assert f'name="next" value="{page_url}"' in html


def test_the_choice_cookie_is_signed_and_names_its_version(client, page_url):
    response = choose(client, "choose", ["analytics"], next_url=page_url)

    value = signing.loads(response.cookies["cookie_consent"].value, salt=SALT)
    assert value["v"] == 1 and value["a"] == ["analytics"]


def test_the_banner_is_cached_yet_shows_an_editors_change_at_once(
    client, page_url, cookie_categories, django_assert_max_num_queries
):
    client.get(page_url)
    analytics = cookie_categories["analytics"]
    analytics.name = "Bezoekersstatistieken"
    analytics.save()

    assert "Bezoekersstatistieken" in banner(client.get(page_url).content.decode())
    with CaptureQueriesContext(connection) as cached:
        client.get(page_url)
    client.cookies["cookie_consent"] = "garbage"
    with django_assert_max_num_queries(len(cached)):
        client.get(page_url)


def test_the_cookie_table_says_what_each_cookie_does_who_sets_it_and_how_long(
    client, page_url, cookie_categories
):
    category = cookie_categories["analytics"]
    category.cookies = [
        (
            "cookie",
            {
                "name": "demo_analytics",
                "provider": "Kamer (eigen statistieken)",
                "duration": "6 maanden",
                "description": "Telt bezoeken zonder u te herkennen",
            },
        )
    ]
    category.save()

    html = client.get("/nl/my-privacy/cookies/").content.decode()

    row = re.search(r"<tr><td><code>demo_analytics</code></td>(.*?)</tr>", html).group(1)
    assert "Telt bezoeken zonder u te herkennen" in row
    assert "Kamer (eigen statistieken)" in row and "6 maanden" in row

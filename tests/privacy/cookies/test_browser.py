"""In chromium: the banner gates tags and cookies, with and without JavaScript."""

import time

import pytest

from privacy.models import ConsentRecord

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ESSENTIAL = {"csrftoken", "cookie_consent", "sessionid"}


@pytest.fixture
def visit(browser, live_server, home_page, cookie_categories):
    """Open the Dutch home page in a fresh browser; returns the page and every URL it asked."""
    contexts = []

    def open_page(javascript=True, viewport=None):
        context = browser.new_context(
            locale="nl-BE", java_script_enabled=javascript, viewport=viewport
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        page.requested = []
        page.on("request", lambda request: page.requested.append(request.url))
        page.goto(f"{live_server.url}{home_page.url}")
        page.wait_for_load_state("networkidle")
        return page

    yield open_page
    for context in contexts:
        context.close()


def cookie_names(page) -> set[str]:
    return {cookie["name"] for cookie in page.context.cookies()}


def live_tags(page, category: str) -> int:
    return page.locator(f"script[data-cookie-tag='{category}']").count()


def wait_until(condition, timeout: float = 15) -> None:
    """Poll from the test's side: the site's policy refuses the eval that Playwright's
    ``wait_for_function`` needs inside the page, as it should."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the page did not get there in time")
        time.sleep(0.1)


def test_first_visit_sets_only_essential_cookies_asks_no_other_host_and_shows_the_banner(
    visit, live_server
):
    page = visit()

    assert page.locator("#cookie-banner").is_visible()
    for label in ("Alles aanvaarden", "Alles weigeren", "Kiezen"):
        assert (
            page.get_by_role("button", name=label)
            .or_(page.get_by_role("link", name=label))
            .first.is_visible()
        )
    assert cookie_names(page) <= ESSENTIAL
    assert page.requested and all(url.startswith(live_server.url) for url in page.requested)
    assert live_tags(page, "analytics") == 0


def test_on_a_phone_the_banner_is_short_offers_three_equal_buttons_and_the_heading_shows(visit):
    phone = {"width": 390, "height": 844}
    page = visit(viewport=phone)

    banner = page.locator("#cookie-banner").bounding_box()
    buttons = [
        page.locator(f"[data-cookie-button='{key}']").bounding_box()
        for key in ("accept_all", "refuse_all")
    ] + [page.locator("[data-cookie-choose]").bounding_box()]
    heading = page.locator("h1").first.bounding_box()

    assert banner["height"] <= phone["height"] / 4
    assert len({round(box["y"]) for box in buttons}) == 1
    assert len({round(box["width"]) for box in buttons}) == 1
    assert buttons[0]["height"] >= 44
    assert banner["y"] + banner["height"] <= heading["y"]
    assert heading["y"] + heading["height"] <= phone["height"]


def test_refuse_all_keeps_analytics_tags_out(visit, live_server):
    page = visit()

    page.get_by_role("button", name="Alles weigeren").click()
    page.locator("#cookie-banner").wait_for(state="hidden")

    assert live_tags(page, "analytics") == 0
    assert cookie_names(page) <= ESSENTIAL
    page.reload()
    assert live_tags(page, "analytics") == 0 and not page.locator("#cookie-banner").is_visible()
    assert cookie_names(page) <= ESSENTIAL
    assert set(ConsentRecord.objects.values_list("granted", flat=True)) == {False}


def test_accept_all_brings_the_tags_in_without_a_reload(visit):
    page = visit()
    page.evaluate("window.stillTheSamePage = true")

    page.get_by_role("button", name="Alles aanvaarden").click()
    wait_until(
        lambda: (
            {"demo_analytics", "demo_advertising", "demo_social", "demo_preferences"}
            <= cookie_names(page)
        )
    )

    assert page.evaluate("window.stillTheSamePage") is True
    assert live_tags(page, "analytics") == 1
    assert {"demo_analytics", "demo_advertising", "demo_social", "demo_preferences"} <= (
        cookie_names(page)
    )
    assert ConsentRecord.objects.filter(granted=True).count() == 4


def test_withdrawing_from_the_footer_link_removes_the_category_cookies(visit):
    page = visit()
    page.get_by_role("button", name="Alles aanvaarden").click()
    wait_until(lambda: "demo_analytics" in cookie_names(page))

    page.get_by_role("link", name="Cookie-instellingen").click()
    assert page.locator("#cookie-banner").is_visible()
    page.get_by_label("Analytics (nl)").uncheck()
    page.get_by_role("button", name="Mijn keuze bewaren").click()
    wait_until(lambda: "demo_analytics" not in cookie_names(page))

    assert "demo_analytics" not in cookie_names(page)
    assert "demo_preferences" in cookie_names(page)
    assert live_tags(page, "analytics") == 0
    withdrawn = ConsentRecord.objects.get(purpose_key="cookies-analytics", granted=True)
    assert withdrawn.withdrawn_at is not None


def test_without_javascript_the_banner_is_a_form_and_the_tags_follow(visit, live_server):
    page = visit(javascript=False)

    page.get_by_role("button", name="Alles aanvaarden").click()
    page.wait_for_load_state()

    assert "cookie_consent" in cookie_names(page)
    assert live_tags(page, "analytics") == 1
    assert not page.locator("#cookie-banner").is_visible()
    # "Choose" without JavaScript is the settings page, with the same choices.
    page.goto(f"{live_server.url}/nl/my-privacy/cookies/")
    assert page.get_by_label("Analytics (nl)").is_checked()

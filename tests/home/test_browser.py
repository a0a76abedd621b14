"""In chromium: a visitor opens the home page and switches language with the switcher."""

import os

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    # Playwright's sync API runs an event loop in this thread; the test's ORM calls are still
    # synchronous, which Django cannot tell apart.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="nl-BE")
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def test_visitor_switches_language_and_stays_on_the_same_page(live_server, site_tree, page):
    page.goto(live_server.url + "/")

    assert page.url == live_server.url + "/nl/"
    assert page.get_attribute("html", "lang") == "nl"
    assert page.title().startswith("Welkom")

    page.get_by_role("navigation", name="Kies een taal").get_by_role(
        "link", name="Français"
    ).click()
    page.wait_for_url(live_server.url + "/fr/")
    assert page.get_attribute("html", "lang") == "fr"
    assert page.get_by_role("heading", level=1).inner_text() == "Kamer van Koophandel"

    page.get_by_role("navigation", name="Menu principal").get_by_role(
        "link", name="À propos"
    ).click()
    page.wait_for_url(live_server.url + "/fr/a-propos/")
    page.get_by_role("navigation", name="Choisir une langue").get_by_role(
        "link", name="English"
    ).click()

    page.wait_for_url(live_server.url + "/en/about-us/")
    assert page.get_attribute("html", "lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "About us"
    current = page.locator('.language-switcher a[aria-current="true"]')
    assert current.get_attribute("lang") == "en"

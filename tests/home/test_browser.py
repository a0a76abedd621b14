"""In chromium: a visitor opens the home page and switches language with the switcher."""

import pytest

pytestmark = [
    pytest.mark.browser,
    # Run on their own (``pytest -m browser``) against the live server's database, which
    # is flushed after each test rather than rolled back; fixtures rebuild what they need.
    pytest.mark.django_db(transaction=True),
]


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

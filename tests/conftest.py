"""Fixtures shared by the whole suite.

Tests build the minimal page tree they need with factories; none loads the demo except the
tests of ``load_demo`` itself.
"""

import os

import pytest
from django.conf import settings
from wagtail.models import Locale, Page, Site


@pytest.fixture
def locales(db):
    """The three content locales, nl first, as wagtail-localize's sync would make them."""
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES
    }


@pytest.fixture
def root_page(db, locales):
    """Wagtail's root page; made again when a transactional test flushed the database."""
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locales["nl"]))
    return root


@pytest.fixture
def default_site(db, root_page):
    site, _created = Site.objects.get_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": root_page},
    )
    return site


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: rate-limit counters must not leak between tests."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def home_page(default_site, locales):
    """A Dutch ``home.HomePage`` that is the default site's root, as ``load_demo`` makes it."""
    from tests.home.factories import HomePageFactory

    home = HomePageFactory(parent=Page.get_first_root_node(), locale=locales["nl"])
    default_site.root_page = home
    default_site.save()
    return home


# tests/standalone runs with its own settings, in a pytest run of its own (see the Makefile).
STANDALONE = "tests.standalone.settings"
collect_ignore = [] if os.environ.get("DJANGO_SETTINGS_MODULE") == STANDALONE else ["standalone"]


CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags chromium keeps calling out to hosts this closed
# network refuses; the sandbox needs privileges that CI's root container does not grant.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    """Debian's headless chromium driven by Playwright; nothing downloads a browser.

    On a machine without chromium the browser tests are skipped with the reason, except in
    CI, where a missing browser is a failure: `make test` installs it there.
    """
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: make test installs it when run as root")
        pytest.skip(f"{CHROMIUM} is missing: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the test's ORM calls are still
    # synchronous, which Django cannot tell apart.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
            )
            yield browser
            browser.close()
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)

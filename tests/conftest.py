"""Fixtures shared by the whole suite.

Tests build the minimal page tree they need with factories; none loads the demo except the
tests of ``load_demo`` itself.
"""

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
    return Page.get_first_root_node()


@pytest.fixture
def default_site(db, root_page):
    return Site.objects.get(is_default_site=True)


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

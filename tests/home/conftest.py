from types import SimpleNamespace

import pytest

from home.models import OrganisationSettings
from tests.home.factories import StandardPageFactory, translate


@pytest.fixture
def site_tree(home_page, locales):
    """Home and "about" in nl, fr and en, with translated slugs, plus a Dutch-only page."""
    about = StandardPageFactory(parent=home_page, title="Over ons", slug="about")
    news = StandardPageFactory(parent=about, title="Nieuws", slug="nieuws", show_in_menus=False)
    tree = SimpleNamespace(home={"nl": home_page}, about={"nl": about}, news=news)
    for code, home_title, about_title, about_slug in [
        ("fr", "Bienvenue", "À propos", "a-propos"),
        ("en", "Welcome", "About us", "about-us"),
    ]:
        tree.home[code] = translate(home_page, locales[code], title=home_title, slug=f"home-{code}")
        tree.about[code] = translate(about, locales[code], title=about_title, slug=about_slug)
    # The footer's settings row exists on a real site; creating it lazily would retire the
    # page chrome cache on the first request.
    OrganisationSettings.load()
    return tree

"""What a page lists of translatable rows: each key once, in the page's language where it is
translated, else in the default language (the register's purposes, the banner's categories)."""

from privacy.selectors import purposes_chosen
from privacy.services.cookies import cookie_categories
from tests.privacy.cookies.conftest import cookie_category
from tests.privacy.factories import PurposeFactory


def test_the_register_lists_each_purpose_in_the_pages_language_else_the_default(locales):
    PurposeFactory(key="newsletter", locale=locales["nl"], name="Nieuwsbrief")
    PurposeFactory(key="newsletter", locale=locales["fr"], name="Lettre d'information")
    PurposeFactory(key="newsletter", locale=locales["en"], name="Newsletter")
    PurposeFactory(key="membership", locale=locales["nl"], name="Lidmaatschap")
    PurposeFactory(key="membership", locale=locales["en"], name="Membership")

    chosen = {p.key: p.name for p in purposes_chosen(locale="fr")}

    assert chosen == {"membership": "Lidmaatschap", "newsletter": "Lettre d'information"}


def test_the_banner_lists_each_category_in_the_pages_language_else_the_default(locales):
    for order, key in enumerate(("essential", "analytics")):
        cookie_category(key, locales["nl"], order)
        cookie_category(key, locales["en"], order)
    cookie_category("essential", locales["fr"], 0)

    names = [c.name for c in cookie_categories(locale="fr")]

    assert names == ["Essential (fr)", "Analytics (nl)"]

"""Cookie categories and their demo tags, the way an editor would set them up."""

import pytest
from wagtail.models import Locale

from privacy.models import CookieCategory, Tag

KEYS = ("essential", "preferences", "analytics", "advertising", "social")


def cookie_category(key: str, locale: Locale, order: int = 0) -> CookieCategory:
    cookies = (
        [
            ("cookie", {"name": n, "provider": "site", "duration": "1 jaar", "description": ""})
            for n in ("cookie_consent", "csrftoken", "sessionid")
        ]
        if key == "essential"
        else [
            (
                "cookie",
                {
                    "name": f"demo_{key}",
                    "provider": "site",
                    "duration": "6 maanden",
                    "description": "",
                },
            )
        ]
    )
    return CookieCategory.objects.create(
        key=key,
        locale=locale,
        name=f"{key.capitalize()} ({locale.language_code})",
        description=f"Over {key}.",
        cookies=cookies,
        sort_order=order,
    )


@pytest.fixture
def cookie_categories(locales):
    """The five categories in nl, with one demo tag per non-essential one; en has two."""
    categories = {key: cookie_category(key, locales["nl"], order) for order, key in enumerate(KEYS)}
    for key in ("essential", "analytics"):
        categories[key].copy_for_translation(locales["en"]).save()
        translated = CookieCategory.objects.get(key=key, locale=locales["en"])
        translated.name = f"{key.capitalize()} (en)"
        translated.save()
    for key in KEYS[1:]:
        Tag.objects.create(
            name=f"Demo {key}",
            category=categories[key],
            script_url=f"/static/website/demo-tags/{key}.js",
        )
    return categories

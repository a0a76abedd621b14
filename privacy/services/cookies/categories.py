"""What every page needs to render the banner and the tags (categories, tags, policy version,
the choice cookie's lifetime), cached per language until one of them changes."""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation
from wagtail.models import Locale

from ...models import (
    CookieCategory,
    CookiePolicySettings,
    Purpose,
    RetentionStart,
    Tag,
)
from ...periods import Period, PeriodUnit

# How long a cookie choice applies until the privacy officer says otherwise: the period of
# a category's purpose made on its first choice, and of the choice's cookie before any is.
CHOICE_PERIOD = Period(6, PeriodUnit.MONTHS)


def _max_age_compute() -> int:
    periods = [
        purpose.retention
        for purpose in Purpose.objects.filter(
            key__startswith="cookies-", retention_from=RetentionStart.CHOICE
        ).only("retention_period", "retention_unit")
    ]
    now = timezone.now()
    end = min((period.after(now) for period in periods), default=CHOICE_PERIOD.after(now))
    return max(int((end - now).total_seconds()), 0)


def cookie_max_age() -> int:
    """How long the choice's cookie lasts, in seconds: the period the register states for
    cookie choices (their purposes ``cookies-<key>``, counted from the choice; the shortest
    when they differ), so the banner asks again exactly when the register says it does.
    Read from the cached setup every page needs, until a purpose changes."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    # A setup cached before it carried the figure has none: compute it then.
    return cookie_setup(locale=language).max_age or _max_age_compute()


@dataclass(frozen=True)
class CategoryView:
    """What the banner shows of a category: plain values, cheap to cache."""

    key: str
    name: str
    description: str
    is_essential: bool
    cookies: tuple[dict, ...]


@dataclass(frozen=True)
class TagView:
    category_key: str
    script_url: str
    html: str


@dataclass(frozen=True)
class CookieSetup:
    """Everything every page needs to render the banner and the tags, in one language."""

    version: int
    categories: tuple[CategoryView, ...]
    tags: dict[str, tuple[TagView, ...]]
    # Seconds the choice's cookie lasts (see ``cookie_max_age``).
    max_age: int = 0
    # When this setup was read: what is rendered from it is cached under this stamp, so it
    # is retired with the setup.
    built: int = 0


SETUP_CACHE_KEY = "privacy:cookie-setup:{}"


# Saving a category, a tag or the cookie policy retires the entries at once; the timeout only
# bounds what a change made in another process without a shared cache could leave behind.
SETUP_CACHE_SECONDS = 300


def _setup_build(code: str) -> CookieSetup:
    categories = tuple(
        CategoryView(
            key=category.key,
            name=category.name,
            description=category.description,
            is_essential=category.is_essential,
            cookies=tuple(
                {
                    "name": block.value["name"],
                    "provider": block.value["provider"],
                    "duration": block.value["duration"],
                    "description": block.value.get("description") or "",
                }
                for block in category.cookies
            ),
        )
        for category in cookie_categories(locale=code)
    )
    tags: dict[str, list[TagView]] = {}
    for tag in Tag.objects.filter(live=True).select_related("category").order_by("pk"):
        tags.setdefault(tag.category.key, []).append(
            TagView(category_key=tag.category.key, script_url=tag.script_url, html=tag.html)
        )
    return CookieSetup(
        version=CookiePolicySettings.load().version,
        categories=categories,
        tags={key: tuple(values) for key, values in tags.items()},
        max_age=_max_age_compute(),
        built=time.time_ns(),
    )


def cookie_setup(*, locale: str) -> CookieSetup:
    """The categories, tags and policy version for ``locale``, cached until one changes."""
    return cache.get_or_set(
        SETUP_CACHE_KEY.format(locale), lambda: _setup_build(locale), SETUP_CACHE_SECONDS
    )


def cookie_setup_invalidate(**kwargs) -> None:
    cache.delete_many([SETUP_CACHE_KEY.format(code) for code, _name in settings.LANGUAGES])


def connect() -> None:
    from django.db.models.signals import post_delete, post_save

    for model in (CookieCategory, Tag, CookiePolicySettings, Purpose):
        for signal in (post_save, post_delete):
            signal.connect(
                cookie_setup_invalidate,
                sender=model,
                dispatch_uid=f"privacy-cookie-setup-{signal!r}-{model.__name__}",
            )


def cookie_categories(*, locale: str | Locale | None = None) -> list[CookieCategory]:
    """The categories in ``locale``, a key missing there taken from the default locale."""
    from ...selectors import each_in_language

    categories = each_in_language(CookieCategory.objects.all(), locale)
    return sorted(categories, key=lambda c: (c.sort_order, c.key))

"""The privacy policy's address per language, cached: every footer and notice links to it."""

from __future__ import annotations

from django.core.cache import cache

CACHE_KEY = "privacy:policy-urls"
# Signals retire the entry when a page changes; the timeout only bounds what a missed
# signal (a change made in another process without a shared cache) could leave behind.
CACHE_SECONDS = 300


def _policy_urls() -> dict[str, str]:
    from ..models import PrivacyPolicyPage

    urls: dict[str, str] = {}
    pages = PrivacyPolicyPage.objects.live().public().select_related("locale").order_by("path")
    for page in pages:
        url = page.get_url()
        if url:
            urls.setdefault(page.locale.language_code, url)
    return urls


def policy_urls_cached() -> dict[str, str]:
    """Language code -> URL of the first live, public privacy policy page in it."""
    return cache.get_or_set(CACHE_KEY, _policy_urls, CACHE_SECONDS)


def policy_urls_invalidate(**kwargs) -> None:
    cache.delete(CACHE_KEY)


def connect() -> None:
    """Retire the cached addresses whenever a page is published, moved, renamed or deleted."""
    from django.db.models.signals import post_delete
    from wagtail.models import Page
    from wagtail.signals import (
        page_published,
        page_slug_changed,
        page_unpublished,
        post_page_move,
    )

    from ..models import PrivacyPolicyPage

    for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
        signal.connect(policy_urls_invalidate, dispatch_uid=f"privacy-policy-url-{signal!r}")
    for model in (Page, PrivacyPolicyPage):
        post_delete.connect(
            policy_urls_invalidate, sender=model, dispatch_uid=f"privacy-policy-url-del-{model!r}"
        )

"""The rendered page chrome, page content and whole home page, cached and retired together.

Each page view would otherwise run one query per concern (menu, translations, settings) and
more for its own content (links, images), so the rendered results are cached under a
*generation* number. Publishing, unpublishing, moving or deleting a page, saving the
organisation settings, or changing an image, a rendition or a document bumps the generation
(see ``home.signals``), which retires every cached entry at once. With a shared cache (Redis) that
is immediate for all workers; with the per-process default cache another worker may serve the
previous version for at most ``HOME_CHROME_CACHE_SECONDS`` (300), the trade-off Wagtail makes
for its site root paths.

The home page, the most visited, is cached whole for visitors (``page_serve_cached``); only
the cookie banner, which is each visitor's own, is put in per request.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

from . import conf
from .selectors import page_for_request

logger = logging.getLogger(__name__)

GENERATION_KEY = "home:chrome:generation"
T = TypeVar("T")


def chrome_generation(request: HttpRequest | None = None) -> int:
    """The current generation; read once per ``request`` when one is given.

    A page view keys its chrome and its content on it: one read serves both, and both come
    from the same generation even if a publication bumps it halfway through the request.
    """
    if request is not None:
        generation = getattr(request, "_home_chrome_generation", None)
        if generation is None:
            generation = request._home_chrome_generation = chrome_generation()
        return generation
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # A fresh start (cache emptied, or the counter evicted) must not collide with numbers
        # still present in cached keys, so it starts from the clock rather than from 1.
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def chrome_invalidate() -> None:
    """Retire every cached menu, language list, footer and page content."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
    except Exception:
        # The cache does not answer: the edit is saved all the same, and copies cached
        # before expire after HOME_CHROME_CACHE_SECONDS at the latest. Said loudly.
        logger.exception("Could not retire the cached page chrome")


def chrome_key(*, request: HttpRequest, page: Page | None) -> tuple[str, Page | None]:
    """The cache key of the chrome around ``page``, and the page whose tree it shows.

    Views that are not pages (a 404, a form's reply) get the active language's home page
    menu, under a key of their own so that nothing in it is marked as the current page.
    """
    # A page previewed before its first save has no id (nor, always, a place in the tree).
    is_page = page is not None and page.pk is not None and (page.depth or 0) >= 2
    tree_page = page if is_page else page_for_request(request)
    site = Site.find_for_request(request)
    key = "home:chrome:{}:{}:{}{}:{}".format(
        chrome_generation(request),
        site.pk if site else 0,
        tree_page.pk if tree_page else 0,
        "" if is_page else "-other",
        translation.get_language(),
    )
    return key, tree_page


def content_key(*, page: Page, request: HttpRequest | None = None) -> str:
    """Cache key of a live page's rendered content in the active language."""
    return f"home:content:{chrome_generation(request)}:{page.pk}:{translation.get_language()}"


def page_key(*, page: Page, request: HttpRequest) -> str:
    """Cache key of a live page's whole rendered HTML in the active language, on its site.

    The site is part of the key as the chrome's is: the language links' full addresses
    carry the site's host.
    """
    site = Site.find_for_request(request)
    site_id = site.pk if site else 0
    return (
        f"home:page:{chrome_generation(request)}:{site_id}:{page.pk}:{translation.get_language()}"
    )


# Where the visitor's own cookie banner goes in a cached page. An HTML comment: editors' text
# is escaped and rich text loses its comments, so only base.html can put this in a page.
COOKIE_CONSENT_SLOT = mark_safe("<!--home:cookie-consent-->")  # noqa: S308  # nosec B308 B703


def page_serve_cached(
    *, page: Page, request: HttpRequest, render: Callable[[dict], str]
) -> HttpResponse | None:
    """The live ``page`` for a visitor, from its whole HTML cached under the generation.

    Rendering the page around its cached content and chrome still cost most of a page
    view, so the finished HTML is kept, rendered by ``render(extra_context)`` once per
    generation with a stand-in for the only part that differs between visitors, the cookie
    banner (its state, tags and CSRF token), which is put in on each request. Signed-in
    people get the userbar and previews show drafts, so they are answered afresh (None).
    """
    from privacy.templatetags.cookie_consent import cookie_consent

    user = getattr(request, "user", None)
    if (
        request.method not in ("GET", "HEAD")
        or page.pk is None
        or getattr(request, "is_preview", False)
        or (user is not None and user.is_authenticated)
    ):
        return None
    html = chrome_cached(
        key=page_key(page=page, request=request),
        build=lambda: render({"cookie_consent_slot": COOKIE_CONSENT_SLOT}),
    )
    return HttpResponse(html.replace(COOKIE_CONSENT_SLOT, cookie_consent({"request": request}), 1))


def chrome_cached(*, key: str, build: Callable[[], T]) -> T:
    """``build()``'s result, kept under ``key`` until the generation changes or it expires."""
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout=conf.get("CHROME_CACHE_SECONDS", 300))
    return value

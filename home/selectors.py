"""Reads the page chrome needs on every request: menu, language links, organisation details.

Each page view would otherwise run one query per concern (menu, translations, settings), so
the results are cached as plain data under a *generation* number. Publishing, unpublishing,
moving or deleting a page, or saving the organisation settings bumps the generation
(see ``home.signals``), which retires every cached entry at once. With a shared cache (Redis)
that is immediate for all workers; with the per-process default cache another worker may
serve the previous menu for at most ``HOME_CHROME_CACHE_SECONDS``, the same trade-off Wagtail
makes for its own site root paths.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.http import HttpRequest
from django.utils import translation
from wagtail.models import Locale, Page, Site

from . import conf
from .blocks import SOCIAL_NETWORKS
from .models import OrganisationSettings

GENERATION_KEY = "home:chrome:generation"


@dataclass(frozen=True)
class MenuItem:
    title: str
    url: str
    path: str
    is_home: bool


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    # True when the link leads to the translation of the page itself, False when the page
    # has no live translation there and the link falls back to the nearest translated ancestor.
    exact: bool


@dataclass(frozen=True)
class Chrome:
    menu: list[MenuItem]
    languages: list[LanguageLink]
    organisation: dict


def chrome_generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = 1
        cache.add(GENERATION_KEY, generation, timeout=None)
    return generation


def chrome_invalidate() -> None:
    """Retire every cached menu, language list and footer."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.add(GENERATION_KEY, 1, timeout=None)


def _locale_home_path(page: Page) -> str:
    # Each language's home page sits at depth 2, directly under the tree root.
    return page.path[: Page.steplen * 2]


def menu_items(*, page: Page, request: HttpRequest | None) -> list[MenuItem]:
    """The locale's home page followed by its live children marked "show in menus"."""
    home_path = _locale_home_path(page)
    pages = (
        Page.objects.live()
        .filter(Q(path=home_path) | Q(depth=3, path__startswith=home_path, show_in_menus=True))
        .order_by("path")
    )
    items = []
    for item in pages:
        url = item.get_url(request)
        if url:
            items.append(
                MenuItem(title=item.title, url=url, path=item.path, is_home=item.depth == 2)
            )
    return items


def language_links(*, page: Page, request: HttpRequest | None) -> list[LanguageLink]:
    """One link per language to the page's translation, else to its closest translated ancestor.

    A single query fetches the live translations of the page and of all its ancestors below
    the tree root; the deepest one per locale wins, so a visitor switching language on an
    untranslated page lands on the nearest page that exists in their language instead of
    being sent back to the home page.
    """
    lineage = [page.path[: Page.steplen * depth] for depth in range(2, page.depth + 1)]
    candidates = (
        Page.objects.live()
        .filter(translation_key__in=Page.objects.filter(path__in=lineage).values("translation_key"))
        .select_related("locale")
        .order_by("depth")
    )
    best: dict[str, Page] = {}
    for candidate in candidates:
        best[candidate.locale.language_code] = candidate
    links = []
    for code, _name in settings.LANGUAGES:
        target = best.get(code)
        url = target.get_url(request) if target else None
        if not url:
            continue
        links.append(
            LanguageLink(
                code=code,
                name=translation.get_language_info(code)["name_local"],
                url=url,
                exact=target.translation_key == page.translation_key,
            )
        )
    return links


def organisation_details() -> dict:
    details = OrganisationSettings.load()
    return {
        "name": details.organisation_name,
        "address": details.address,
        "contact_email": details.contact_email,
        "privacy_email": details.privacy_email,
        "social_links": [
            {
                "network": link.value["network"],
                "label": SOCIAL_NETWORKS.get(link.value["network"], link.value["network"]),
                "url": link.value["url"],
            }
            for link in details.social_links
        ],
    }


def _page_for_request(request: HttpRequest) -> Page | None:
    """The active language's home page, for views that are not pages (404, forms' replies)."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    try:
        return site.root_page.get_translation(Locale.get_active())
    except (Page.DoesNotExist, Locale.DoesNotExist):
        return site.root_page


def chrome_for(*, request: HttpRequest, page: Page | None = None) -> Chrome:
    """Everything base.html needs around the content, cached per page and language."""
    if page is None or page.depth < 2:
        page = _page_for_request(request)
    site = Site.find_for_request(request)
    key = f"home:chrome:{chrome_generation()}:{site.pk if site else 0}:{page.pk if page else 0}:{translation.get_language()}"
    chrome = cache.get(key)
    if chrome is None:
        chrome = Chrome(
            menu=menu_items(page=page, request=request) if page else [],
            languages=language_links(page=page, request=request) if page else [],
            organisation=organisation_details(),
        )
        cache.set(key, chrome, timeout=conf.get("CHROME_CACHE_SECONDS", 300))
    return chrome

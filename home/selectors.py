"""Reads the page chrome needs on every request: menu, language links, organisation details.

They run when ``home.services`` finds nothing cached for the page.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core.paginator import Page as DjangoPage
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone, translation
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from .blocks import SOCIAL_NETWORKS
from .models import OrganisationIdentity, OrganisationSettings


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
    # The same address with scheme and host, from the page's site: search engines ignore
    # relative hreflang alternates.
    full_url: str
    # True when the link leads to the translation of the page itself, False when the page
    # has no live translation there and the link falls back to the nearest translated ancestor.
    exact: bool


@dataclass(frozen=True)
class Chrome:
    menu: list[MenuItem]
    languages: list[LanguageLink]
    organisation: dict


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
                full_url=target.get_full_url(request),
                exact=target.translation_key == page.translation_key,
            )
        )
    return links


def organisation_details() -> dict:
    details = OrganisationSettings.load()
    identity = OrganisationIdentity.for_locale()
    return {
        "name": identity.name if identity else "",
        "address": identity.address if identity else "",
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


def page_for_request(request: HttpRequest) -> Page | None:
    """The active language's home page, for views that are not pages (404, forms' replies)."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    try:
        return site.root_page.get_translation(Locale.get_active())
    except (Page.DoesNotExist, Locale.DoesNotExist):
        return site.root_page


def chrome_build(*, request: HttpRequest, page: Page | None) -> Chrome:
    """Menu, language links and organisation details around ``page``, straight from the db."""
    return Chrome(
        menu=menu_items(page=page, request=request) if page else [],
        languages=language_links(page=page, request=request) if page else [],
        organisation=organisation_details(),
    )


NEWS_PER_PAGE = 10


def news_items(*, index: Page) -> QuerySet:
    """The live news pages under ``index``, newest first (same date: last published first)."""
    from .models import NewsPage

    return (
        NewsPage.objects.child_of(index)
        .live()
        .public()
        .select_related("lead_image")
        .order_by("-date", "-first_published_at", "-pk")
    )


def news_listing(*, index: Page, tag: Tag | None = None, page_number=None) -> DjangoPage:
    """One page of ``index``'s news, optionally only those tagged ``tag``."""
    items = news_items(index=index)
    if tag is not None:
        items = items.filter(tags=tag)
    listing = Paginator(items.prefetch_related("tags"), NEWS_PER_PAGE).get_page(page_number)
    # Renditions for the whole page of the listing in one query instead of one per item.
    images = [item.lead_image for item in listing if item.lead_image is not None]
    if images:
        renditions = get_image_model().objects.filter(pk__in=[i.pk for i in images])
        by_id = {i.pk: i for i in renditions.prefetch_renditions(NEWS_LISTING_RENDITION)}
        for item in listing:
            if item.lead_image is not None:
                item.lead_image = by_id[item.lead_image_id]
    return listing


NEWS_LISTING_RENDITION = "fill-480x270"


def news_tags(*, index: Page) -> list[Tag]:
    """The tags used by ``index``'s live news, by name, for the listing's filter."""
    return list(
        Tag.objects.filter(news_pages__in=news_items(index=index).order_by())
        .distinct()
        .order_by("name")
    )


@dataclass(frozen=True)
class ListingItem:
    title: str
    url: str
    # What the visitor needs to choose: an event's start, a vacancy's place, a news date.
    when: object | None
    detail: str


@dataclass(frozen=True)
class Listing:
    url: str
    items: list[ListingItem]


def _listing_index(*, home: Page, model) -> Page | None:
    return model.objects.child_of(home).live().public().order_by("path").first()


def home_listing(
    *, kind: str, home: Page, count: int, request: HttpRequest | None = None
) -> Listing | None:
    """The first ``count`` items of one of the home page's listings, or None when empty.

    ``kind`` is ``events`` (upcoming, soonest first), ``vacancies`` (open, closing first)
    or ``news`` (newest first), read under the listing's index page among the home page's
    children, through the apps' public models and selectors. Two queries whatever the
    number of items; a listing whose app is not installed is simply empty.
    """
    items = []
    if kind == "news":
        from .models import NewsIndexPage

        index = _listing_index(home=home, model=NewsIndexPage)
        if index is not None:
            items = [
                ListingItem(
                    title=item.title,
                    url=item.get_url(request),
                    when=item.date,
                    detail=item.intro,
                )
                for item in news_items(index=index)[:count]
            ]
    elif kind == "vacancies" and apps.is_installed("careers"):
        from careers.models import VacancyIndexPage
        from careers.selectors import open_vacancies

        index = _listing_index(home=home, model=VacancyIndexPage)
        if index is not None:
            items = [
                ListingItem(
                    title=vacancy.title,
                    url=vacancy.get_url(request),
                    when=vacancy.closing_date,
                    detail=", ".join(p for p in (vacancy.department, vacancy.location) if p),
                )
                for vacancy in open_vacancies(index=index)[:count]
            ]
    elif kind == "events" and apps.is_installed("events"):
        from events.models import EventIndexPage, EventPage

        index = _listing_index(home=home, model=EventIndexPage)
        if index is not None:
            upcoming = (
                EventPage.objects.child_of(index)
                .live()
                .public()
                .filter(end__gt=timezone.now())
                .order_by("start", "pk")[:count]
            )
            items = [
                ListingItem(
                    title=event.title,
                    url=event.get_url(request),
                    when=event.start,
                    detail=event.venue,
                )
                for event in upcoming
            ]
    if not items:
        return None
    return Listing(url=index.get_url(request), items=items)

"""Demo content of the site itself: the Dutch tree, its French and English translations.

Idempotent: every object is looked up before it is created and existing pages are never
rewritten, so running ``load_demo`` again leaves the tree (ids, paths, revisions) as it was.
Translations go through wagtail-localize (translation sources, string translations, synced
translation records) so editors see real, updatable translations in the admin.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from urllib.parse import urlsplit

import PIL.Image
import PIL.ImageDraw
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import (
    LocaleSynchronization,
)

from website.demo.helpers import group_ensure
from website.demo.localize import page_translation_refresh

from .demo_content import (
    CHILD_PAGES,
    HOME,
    NEWS,
    NEWS_INDEX,
    NEWS_TAGS,
    ORGANISATION,
    TRANSLATIONS,
)
from .models import (
    HomePage,
    NewsIndexPage,
    NewsPage,
    OrganisationIdentity,
    OrganisationSettings,
    StandardPage,
)

Log = Callable[[str], None]
# The default site as Wagtail's own migrations create it.
WAGTAIL_INITIAL_ADDRESS = ("localhost", 80)


def load(*, log: Log, translate: Callable[..., Page | None]) -> None:
    locales = locales_ensure(log=log)
    source_locale = locales[settings.LANGUAGE_CODE]
    home = home_page_ensure(locale=source_locale, log=log)
    children = [child_page_ensure(parent=home, spec=spec, log=log) for spec in CHILD_PAGES]
    home_body_ensure(home=home, about=children[0], log=log)
    home_lead_ensure(home=home, log=log)
    news_index = news_index_ensure(home=home, log=log)
    news = [news_page_ensure(index=news_index, spec=spec, log=log) for spec in NEWS]

    for locale in locales.values():
        if locale == source_locale:
            continue
        for page in [home, *children, news_index, *news]:
            if page is not None:
                translated = translate(
                    page=page, locale=locale, texts=TRANSLATIONS[locale.language_code], log=log
                )
                if isinstance(translated, NewsPage):
                    news_tags_translate(page=translated, words=NEWS_TAGS[locale.language_code])
        # Pages editors add later in Dutch appear in this language as aliases until translated.
        LocaleSynchronization.objects.get_or_create(
            locale=locale, defaults={"sync_from": source_locale}
        )

    organisation_settings_ensure(locales=locales, log=log, translate=translate)
    # Wagtail's migrations normally provide them.
    for name in ("Editors", "Moderators"):
        group_ensure(name=name, permissions=(), log=log)


def locales_ensure(*, log: Log) -> dict[str, Locale]:
    locales = {}
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        locales[code], created = Locale.objects.get_or_create(language_code=code)
        if created:
            log(f"Created locale {code}.")
    return locales


def home_page_ensure(*, locale: Locale, log: Log) -> HomePage:
    """The Dutch home page, made the default site's root in place of Wagtail's welcome page."""
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(depth=2, locale=locale).first()
    if home is None:
        home = HomePage(locale=locale, **HOME["fields"])
        root.add_child(instance=home)
        home.save_revision().publish()
        log(f"Created home page {home.title!r}.")

    site = Site.objects.filter(is_default_site=True).first() or Site(
        hostname=WAGTAIL_INITIAL_ADDRESS[0], port=WAGTAIL_INITIAL_ADDRESS[1], is_default_site=True
    )
    if site.root_page_id != home.pk or site.site_name != ORGANISATION["organisation_name"]:
        site.root_page = home
        site.site_name = ORGANISATION["organisation_name"]
        site.save()
        log("Pointed the default site at the home page.")
    # Wagtail's localhost:80 made the pages' html_url (API, admin's "view live") point
    # elsewhere than the API's own links and the server `make run` starts. A local address
    # follows the port the server runs at (`make run PORT=8123`); an address someone chose
    # is kept.
    address = site_address()
    current = (site.hostname, site.port)
    follows = current == WAGTAIL_INITIAL_ADDRESS or (
        current[0] in LOCAL_HOSTS and address[0] in LOCAL_HOSTS
    )
    if (
        follows
        and current != address
        and not Site.objects.filter(hostname=address[0], port=address[1]).exists()
    ):
        site.hostname, site.port = address
        site.save()
        log("Serving the default site at {}:{}.".format(*address))

    # Wagtail's migrations create a plain "Welcome to your new Wagtail site!" page; with the
    # site moved to the home page nothing uses it any more. One with children is left alone.
    plain_page = ContentType.objects.get_for_model(Page)
    welcome_pages = Page.objects.filter(
        depth=2,
        content_type=plain_page,
        sites_rooted_here=None,
        slug="home",
        numchild=0,
        title="Welcome to your new Wagtail site!",
    )
    for welcome in welcome_pages:
        log(f"Removed Wagtail's welcome page {welcome.title!r}.")
        welcome.delete()
    return home


LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})


def site_address() -> tuple[str, int]:
    """Hostname and port of ``WAGTAILADMIN_BASE_URL``, the address the project is served at."""
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    return address.hostname or "localhost", address.port or (
        443 if address.scheme == "https" else 80
    )


def child_page_ensure(*, parent: HomePage, spec: dict, log: Log) -> StandardPage | None:
    """A page under the home page, unless a page with that slug already lives there.

    Other apps' demos may have replaced a placeholder (contact becomes a form page): their
    page then keeps the slug and this function leaves it alone.
    """
    existing = parent.get_children().filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing.specific if isinstance(existing.specific, StandardPage) else None
    page = StandardPage(locale=parent.locale, show_in_menus=True, **spec)
    parent.add_child(instance=page)
    page.save_revision().publish()
    log(f"Created page {page.title!r} at /{parent.locale.language_code}/{page.slug}/.")
    return page


def home_body_ensure(*, home: HomePage, about: StandardPage | None, log: Log) -> None:
    if home.body.raw_data or about is None:
        return
    home.body = HOME["body"](about)
    home.save_revision().publish()
    log("Filled the home page's body.")


def home_lead_ensure(*, home: HomePage, log: Log) -> None:
    """The lead image and the listings (events, vacancies, news), added once.

    A database made before they existed gets them too, and its translations are brought up
    to date from the Dutch page the way wagtail-localize's "Sync translated pages" does.
    """
    changed = False
    if home.hero_image_id is None:
        home.hero_image = demo_image_ensure(*HOME["hero_image"])
        home.hero_image_alt = HOME["hero_image_alt"]
        changed = True
    if home.body.raw_data and not any(
        block.block_type in HomePage.LISTING_BLOCKS for block in home.body
    ):
        blocks = [(block.block_type, block.value) for block in home.body]
        home.body = [*blocks[:1], *HOME["listings"], *blocks[1:]]
        changed = True
    if not changed:
        return
    home.save_revision().publish()
    log("Gave the home page its lead image and listings.")
    for translated in home.get_translations().filter(alias_of__isnull=True):
        code = translated.locale.language_code
        page_translation_refresh(page=home, locale=translated.locale, texts=TRANSLATIONS[code])
        log(f"Brought {translated.title!r} up to date with the Dutch home page.")


def organisation_settings_ensure(
    *, locales: dict[str, Locale], log: Log, translate: Callable[..., object]
) -> None:
    """Contacts in the settings; the name and address per language, translated."""
    details = OrganisationSettings.load()
    if not details.contact_email:
        for field in SETTINGS_FIELDS:
            setattr(details, field, ORGANISATION[field])
        details.save()
        log("Filled the organisation settings.")
    source_locale = locales[settings.LANGUAGE_CODE]
    identity = OrganisationIdentity.objects.filter(locale=source_locale).first()
    if identity is None:
        identity = OrganisationIdentity.objects.create(
            locale=source_locale,
            name=ORGANISATION["organisation_name"],
            address=ORGANISATION["address"],
        )
        log("Filled the organisation's name and address.")
    for code, locale in locales.items():
        if locale != source_locale:
            translate(instance=identity, locale=locale, texts=TRANSLATIONS[code], log=log)


SETTINGS_FIELDS = ("contact_email", "privacy_email", "social_links")


def news_index_ensure(*, home: HomePage, log: Log) -> NewsIndexPage:
    existing = home.get_children().filter(slug=NEWS_INDEX["slug"]).first()
    if existing is not None:
        return existing.specific
    index = NewsIndexPage(locale=home.locale, show_in_menus=True, **NEWS_INDEX)
    home.add_child(instance=index)
    index.save_revision().publish()
    log(f"Created the news index {index.title!r}.")
    return index


def news_page_ensure(*, index: NewsIndexPage, spec: dict, log: Log) -> NewsPage:
    existing = index.get_children().filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing.specific
    fields = {k: v for k, v in spec.items() if k not in ("body", "tags", "lead_image", "date")}
    fields["date"] = date.fromisoformat(spec["date"])
    page = NewsPage(locale=index.locale, **fields, body=[("paragraph", spec["body"])])
    if spec["lead_image"]:
        page.lead_image = demo_image_ensure(*spec["lead_image"])
    page.tags.add(*spec["tags"])
    index.add_child(instance=page)
    page.save_revision().publish()
    log(f"Created the news item {page.title!r}.")
    return page


def news_tags_translate(*, page: NewsPage, words: dict[str, str]) -> None:
    """A translation's tags in its own language: tags are words, shared by no two languages."""
    page.tags.set([words.get(tag.name, tag.name) for tag in page.tags.all()])
    page.save_revision().publish()


def demo_image_ensure(title: str, colour: tuple[int, int, int]) -> AbstractImage:
    """A generated picture (a band of colour with a lighter disc), made once per title."""
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is not None:
        return image
    picture = PIL.Image.new("RGB", (1200, 675), colour)
    draw = PIL.ImageDraw.Draw(picture)
    light = tuple(min(255, c + 70) for c in colour)
    draw.ellipse((760, 120, 1180, 540), fill=light)
    draw.rectangle((0, 560, 1200, 675), fill=tuple(max(0, c - 30) for c in colour))
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    name = f"{slugify(title)}.png"
    return Image.objects.create(title=title, file=ImageFile(buffer, name=name))

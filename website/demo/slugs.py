"""The demo's addresses in each page's own language, and redirects from the ones it had.

The Dutch pages are the source; each French and English translation gets its slug from
``TRANSLATED`` through wagtail-localize's own string translations, so a later sync keeps it.
A demo made before the slugs were translated had Dutch or English slugs everywhere
(``/fr/about/``): its pages are renamed in place and every such address, and the address of
an untranslated slug (``/fr/over-ons/``), redirects to the page (``wagtail.contrib.redirects``).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page

Log = Callable[[str], None]

# Source slugs the demo had before they were Dutch, by their Dutch slug now.
LEGACY = {
    "over-ons": "about",
    "vacatures": "careers",
    "lidmaatschap": "membership",
    "open-sollicitatie": "spontaneous-application",
    "uw-gegevens": "your-data",
    "adviseur-handel": "trade-adviser",
    "coordinator-evenementen": "events-coordinator",
    "stagiair-communicatie": "communication-intern",
}

# Each Dutch slug in French and English; a slug missing here is the same in every language.
TRANSLATED = {
    "over-ons": {"fr": "a-propos", "en": "about-us"},
    "privacy": {"fr": "confidentialite", "en": "privacy"},
    "vacatures": {"fr": "offres-d-emploi", "en": "vacancies"},
    "lidmaatschap": {"fr": "adhesion", "en": "membership"},
    "nieuws": {"fr": "actualites", "en": "news"},
    "agenda": {"fr": "agenda", "en": "events"},
    "uw-gegevens": {"fr": "vos-donnees", "en": "your-data"},
    "open-sollicitatie": {"fr": "candidature-spontanee", "en": "open-application"},
    "adviseur-handel": {"fr": "conseiller-commercial", "en": "trade-adviser"},
    "coordinator-evenementen": {"fr": "coordinateur-evenements", "en": "events-coordinator"},
    "stagiair-communicatie": {"fr": "stagiaire-communication", "en": "communication-intern"},
    "netwerkavond-handel": {"fr": "soiree-reseautage-commerce", "en": "trade-networking-evening"},
    "opleiding-btw": {"fr": "formation-tva", "en": "vat-training"},
    "ledenontmoeting": {"fr": "rencontre-des-membres", "en": "members-meeting"},
    "handelsmissie-luxemburg": {
        "fr": "mission-commerciale-luxembourg",
        "en": "trade-mission-luxembourg",
    },
    "gids-export-frankrijk": {"fr": "guide-export-france", "en": "export-guide-france"},
    "jaarverslag": {"fr": "rapport-annuel", "en": "annual-report"},
}


def slug_texts(code: str) -> dict[str, str]:
    """The Dutch slugs and their translation into ``code``, as string translations."""
    return {nl: slugs[code] for nl, slugs in TRANSLATED.items() if code in slugs}


def _source_code() -> str:
    return settings.LANGUAGE_CODE.split("-")[0]


def _demo_pages(locale: Locale):
    """The locale's pages below its home page (the menu's pages and their children)."""
    return Page.objects.filter(locale=locale, depth__gte=3, alias_of__isnull=True).order_by("path")


def legacy_slugs_rename(*, log: Log) -> None:
    """Give the source pages of an earlier demo their Dutch slugs before the apps' demos look
    them up by slug; the old addresses redirect (see :func:`redirects_ensure`)."""
    try:
        source = Locale.objects.get(language_code=_source_code())
    except Locale.DoesNotExist:
        return
    old_to_new = {old: new for new, old in LEGACY.items()}
    for page in _demo_pages(source).filter(slug__in=old_to_new):
        new = old_to_new[page.slug]
        if page.get_siblings().filter(slug=new).exists():
            continue
        _slug_change(page=page.specific, slug=new, log=log)


def translated_slugs_apply(*, log: Log) -> None:
    """Give every French and English demo page its slug from ``TRANSLATED``, and make every
    address the demo gave a page before (legacy or untranslated slugs) redirect to it."""
    source_code = _source_code()
    by_key = {
        page.translation_key: page.slug
        for page in Page.objects.filter(locale__language_code=source_code, depth__gte=3)
    }
    for locale in Locale.objects.all():
        code = locale.language_code
        for page in _demo_pages(locale):
            dutch = by_key.get(page.translation_key)
            wanted = TRANSLATED.get(dutch, {}).get(code, dutch) if code != source_code else dutch
            stale = page.slug in (dutch, LEGACY.get(dutch))
            if (
                dutch
                and wanted
                and page.slug != wanted
                and stale
                and not page.get_siblings().filter(slug=wanted).exists()
            ):
                _slug_change(page=page.specific, slug=wanted, log=log)
        for page in _demo_pages(locale):
            _redirects_ensure(page=page, by_key=by_key)


def _slug_change(*, page: Page, slug: str, log: Log) -> Page:
    old_url = page.get_url()
    page.slug = slug
    revision = page.save_revision(clean=False)
    if page.live:
        revision.publish()
    log(f"Moved {old_url} to {page.get_url()}.")
    return page


def _redirects_ensure(*, page: Page, by_key: dict) -> None:
    """Redirect the page's addresses in the earlier demos to it: with each ancestor's legacy
    slug, and with each ancestor's untranslated (Dutch) slug."""
    url = page.get_url()
    if not url:
        return
    lineage = [*page.get_ancestors().filter(depth__gte=3), page]
    dutch = [by_key.get(p.translation_key, p.slug) for p in lineage]
    legacy = [LEGACY.get(slug, slug) for slug in dutch]
    prefix = "/" + page.locale.language_code
    for slugs in (dutch, legacy):
        old = f"{prefix}/{'/'.join(slugs)}/"
        if (
            old == url
            or Page.objects.filter(url_path__endswith=f"/{'/'.join(slugs)}/")
            .filter(locale=page.locale)
            .exists()
        ):
            continue
        Redirect.objects.get_or_create(
            old_path=Redirect.normalise_path(old), site=None, defaults={"redirect_page": page}
        )

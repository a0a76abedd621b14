"""Translations for the demo: the rows wagtail-localize's editor writes, made from the texts
of each app's demo module."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping

from wagtail.models import Locale, Page, Site
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringTranslation,
    Translation,
    TranslationSource,
)

from .slugs import slug_texts

Log = Callable[[str], None]


def page_translate(
    *, page: Page, locale: Locale, texts: Mapping[str, str], log: Callable[[str], None]
) -> Page | None:
    """Translate ``page`` into ``locale`` through wagtail-localize, unless already done.

    Returns the new translation, or None when one existed or the parent has none yet.

    ``texts`` maps source strings to their translation; they are stored as manual string
    translations, the same rows the admin's translation editor writes, so editors see real,
    updatable translations. Anything without a translation (names, slugs) falls back to the
    source text.
    """
    if page.get_translations().filter(locale=locale, alias_of__isnull=True).exists():
        return None
    parent = page.get_parent()
    if not parent.is_root() and not parent.get_translations().filter(locale=locale).exists():
        log(f"Not translating {page.title!r} into {locale.language_code}: parent untranslated.")
        return None

    source, _ = TranslationSource.get_or_create_from_instance(page)
    _string_translations_store(source=source, locale=locale, texts=texts)
    Translation.objects.get_or_create(source=source, target_locale=locale)
    # publish=False then publishing here, because wagtail-localize defers its own publish to
    # the end of the transaction and the children's translations need a live parent.
    translated, _ = source.create_or_update_translation(locale, publish=False, fallback=True)
    translated.get_latest_revision().publish()
    log(f"Translated {page.title!r} into {locale.language_code}: {translated.title!r}.")
    return translated


def page_translation_refresh(*, page: Page, locale: Locale, texts: Mapping[str, str]) -> Page:
    """Bring ``page``'s translation into ``locale`` up to date with the source page.

    What wagtail-localize's "Sync translated pages" does: the source is extracted again, new
    strings get their translations from ``texts``, and the translation is published.
    """
    source, _ = TranslationSource.update_or_create_from_instance(page)
    _string_translations_store(source=source, locale=locale, texts=texts)
    translated, _ = source.create_or_update_translation(locale, publish=False, fallback=True)
    translated.get_latest_revision().publish()
    return translated


def _string_translations_store(
    *, source: TranslationSource, locale: Locale, texts: Mapping[str, str]
) -> None:
    """Manual string translations of ``source``'s segments found in ``texts``."""
    # wagtail-localize extracts a multi-line text (a list of choices) with <br/> for "\n".
    segments = {
        original.replace("\n", "<br/>"): translated.replace("\n", "<br/>")
        for original, translated in texts.items()
    }
    # The demo's slugs are translated too (``website.demo.slugs``), only where they are slugs.
    slugs = slug_texts(locale.language_code)
    for segment in source.stringsegment_set.select_related("string", "context"):
        if segment.context.path == "slug":
            translated = slugs.get(segment.string.data) or segments.get(segment.string.data)
        else:
            translated = segments.get(segment.string.data)
        if translated is None:
            continue
        StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": translated,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )


def translate(
    *,
    locale: Locale,
    texts: Mapping[str, str],
    log: Callable[[str], None],
    page: Page | None = None,
    instance=None,
):
    """What ``load_demo`` hands each app's ``demo.load``: translate a page
    (:func:`page_translate`) or a translatable snippet (:func:`snippet_translate`)."""
    if page is not None:
        return page_translate(page=page, locale=locale, texts=texts, log=log)
    return snippet_translate(instance=instance, locale=locale, texts=texts, log=log)


def snippet_translate(*, instance, locale: Locale, texts: Mapping[str, str], log: Log):
    """Translate a translatable snippet into ``locale`` through wagtail-localize, unless done.

    The same rows the admin's translation editor writes, as for pages (``page_translate``).
    """
    if instance.get_translations().filter(locale=locale).exists():
        return None
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    _string_translations_store(source=source, locale=locale, texts=texts)
    Translation.objects.get_or_create(source=source, target_locale=locale)
    translated, _ = source.create_or_update_translation(locale, fallback=True)
    log(f"Translated {instance!s} into {locale.language_code}: {translated!s}.")
    return translated


def call_to_action_link(*, title: str, slug: str, log: Log) -> None:
    """Point the home page's call to action ``title`` at its page ``slug``, in every language.

    Joins two apps' demos: home's demo writes the call to action before forms' demo has
    made the page it leads to (the membership form), so the link is set once both exist.
    A page chooser is synchronised by wagtail-localize, not translated: each translation
    gets an override to the page in its own language, as a translator would set in the
    admin. Changes nothing when the links are already in place.
    """
    site = Site.objects.filter(is_default_site=True).first()
    home = site.root_page.specific if site else None
    target = home.get_children().filter(slug=slug).first() if home else None
    if target is None or not hasattr(home, "body"):
        return
    ids = [
        block.id
        for block in home.body
        if block.block_type == "call_to_action" and block.value["title"] == title
    ]
    if _links_to(home, ids) != {target.pk}:
        for block in home.body:
            if block.id in ids:
                block.value["page"] = target
        home.save_revision().publish()
        log(f"Pointed the home page's {title!r} at {target.title!r}.")
    source = None
    for translated_home in home.get_translations().filter(alias_of__isnull=True):
        localized = target.get_translation_or_none(translated_home.locale)
        if localized is None or _links_to(translated_home.specific, ids) == {localized.pk}:
            continue
        if source is None:
            source, _ = TranslationSource.update_or_create_from_instance(home)
        for block_id in ids:
            segment = OverridableSegment.objects.filter(
                source=source, context__path=f"body.{block_id}.page"
            ).first()
            if segment is not None:
                SegmentOverride.objects.update_or_create(
                    locale=translated_home.locale,
                    context=segment.context,
                    defaults={"data_json": json.dumps(localized.pk)},
                )
        translated, _ = source.create_or_update_translation(
            translated_home.locale, publish=False, fallback=True
        )
        translated.get_latest_revision().publish()
        log(f"Pointed {translated.title!r}'s call to action at {localized.title!r}.")


def _links_to(home: Page, block_ids: list[str]) -> set[int | None]:
    return {
        block.value["page"].pk if block.value["page"] else None
        for block in home.body
        if block.id in block_ids
    }

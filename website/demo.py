"""Helpers the apps' ``demo.py`` modules share to build translated demo content."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource


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
    # wagtail-localize extracts a multi-line text (a list of choices) with <br/> for "\n".
    segments = {
        original.replace("\n", "<br/>"): translated.replace("\n", "<br/>")
        for original, translated in texts.items()
    }
    for segment in source.stringsegment_set.select_related("string", "context"):
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
    Translation.objects.get_or_create(source=source, target_locale=locale)
    # publish=False then publishing here, because wagtail-localize defers its own publish to
    # the end of the transaction and the children's translations need a live parent.
    translated, _ = source.create_or_update_translation(locale, publish=False, fallback=True)
    translated.get_latest_revision().publish()
    log(f"Translated {page.title!r} into {locale.language_code}: {translated.title!r}.")
    return translated

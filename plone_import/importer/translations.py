"""Translation groups as wagtail-localize translations that a sync keeps.

Each group's pages already share a ``translation_key``. wagtail-localize also needs a
``TranslationSource`` (the page in the default language) and a ``Translation`` per other
locale. A sync rebuilds each translated page from the source's strings and their stored
translations, so the imported pages' own words are stored as those translations, segment by
segment. A page whose segments do not line up with its source's (other blocks, another
structure) is kept as a translation that is not synced (``enabled`` off), so no sync ever
replaces its words by the source's.
"""

from __future__ import annotations

import re
from collections import defaultdict

from wagtail.models import Page

from ..items import LANGUAGE_ROOT, SITE_ROOT_TYPES

ELEMENT_ID = re.compile(r'<[a-z]+ id="([^"]+)"')


def _segments_by_path(segments) -> dict[str, list]:
    grouped: dict[str, list] = defaultdict(list)
    for segment in segments:
        grouped[segment[0]].append(segment[1])
    return grouped


def _store_strings(translation_source, page) -> bool:
    """Store ``page``'s words as translations of its source's strings; False when they do
    not line up."""
    from wagtail_localize.models import StringSegment, StringTranslation
    from wagtail_localize.segments import StringSegmentValue
    from wagtail_localize.segments.extract import extract_segments

    source = _segments_by_path(
        (segment.context.path, segment)
        for segment in StringSegment.objects.filter(source=translation_source)
        .select_related("string", "context")
        .order_by("order")
    )
    target = _segments_by_path(
        (segment.path, segment.string.data)
        for segment in extract_segments(page)
        if isinstance(segment, StringSegmentValue)
    )
    if set(source) != set(target) or any(len(source[p]) != len(target[p]) for p in source):
        return False
    # A link or element the source string lacks cannot be restored from its attributes.
    for path, segments in source.items():
        for segment, data in zip(segments, target[path], strict=True):
            if not set(ELEMENT_ID.findall(data)) <= set(ELEMENT_ID.findall(segment.string.data)):
                return False
    for path, segments in source.items():
        for segment, data in zip(segments, target[path], strict=True):
            StringTranslation.objects.update_or_create(
                translation_of_id=segment.string_id,
                locale_id=page.locale_id,
                context_id=segment.context_id,
                defaults={
                    "data": data,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )
    return True


def link_translations(handlers) -> None:
    from wagtail_localize.models import Translation, TranslationSource

    imp = handlers.imp
    if imp.options.dry_run:
        return
    for members in imp.index.group_members.values():
        if all(uid in imp.unchanged for uid in members):
            continue  # linked by an earlier run; nothing to write
        pages = []
        for uid in members:
            node = imp.index.nodes.get(uid)
            if node is None or node.type in SITE_ROOT_TYPES | {LANGUAGE_ROOT}:
                continue
            target = imp.target_of(uid)
            if isinstance(target, Page) and all(target.pk != p.pk for p in pages):
                pages.append(target)
        if len(pages) < 2:
            continue
        source = next(
            (p for p in pages if p.locale.language_code == imp.default_language), pages[0]
        )
        if len({p.translation_key for p in pages}) > 1:
            imp.report.warn(path=source.url_path, message="translations with different keys")
            continue
        translation_source, _created = TranslationSource.update_or_create_from_instance(source)
        for page in pages:
            if page.pk == source.pk:
                continue
            aligned = _store_strings(translation_source, page)
            translation, created = Translation.objects.get_or_create(
                source=translation_source,
                target_locale_id=page.locale_id,
                defaults={"enabled": aligned},
            )
            if not created and translation.enabled != aligned:
                translation.enabled = aligned
                translation.save(update_fields=["enabled"])
            imp.report.translations["synced" if aligned else "not synced"] += 1
            if not aligned:
                imp.report.warn(
                    path=page.url_path,
                    portal_type="translation",
                    message="its text does not line up with its source's: kept as a "
                    "translation that a sync leaves alone",
                )
        imp.report.translations["groups"] += 1

"""Translating a page whose parents are not translated yet, as an editor would."""

from wagtail.models import Locale, Page


def translation_with_parents(page: Page, locale: Locale) -> Page:
    """``page.copy_for_translation(locale)``, its untranslated parents translated first.

    Wagtail's ``copy_parents=True`` would make the missing parents aliases: untranslated
    copies, which stay drafts in another language (``website.aliases``), so the translation
    would sit under pages its visitors cannot reach. An editor translates the parents.
    """
    for ancestor in page.get_ancestors().filter(depth__gte=2).specific():
        if ancestor.get_translation_or_none(locale) is None:
            ancestor.copy_for_translation(locale).save_revision().publish()
    return page.copy_for_translation(locale)

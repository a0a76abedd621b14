"""The demo privacy policy page in nl, translated into fr and en through wagtail-localize.

It takes the place of the home demo's one-line "privacy" page (same slug, same place in the
menu and footer), once; a policy page that exists is left as editors made it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.conf import settings
from wagtail.models import Locale, Page, Site

from privacy.models import PrivacyPolicyPage

from ..helpers import page_at_slug
from .policy_content import INTRO, SECTIONS, TITLE

Log = Callable[[str], None]
SLUG = "privacy"
MATERIAL_CHANGE = date(2026, 11, 30)


def _paragraph(text: str) -> str:
    return f"<p>{text}</p>"


def _rich_text(parts: list, language: str) -> str:
    html = []
    for part in parts:
        if isinstance(part, tuple):
            items = "".join(f"<li>{item[language]}</li>" for item in part[1])
            html.append(f"<ul>{items}</ul>")
        else:
            html.append(_paragraph(part[language]))
    return "".join(html)


def body(language: str) -> list:
    return [
        (
            "section",
            {"heading": heading[language], "anchor": anchor, "body": _rich_text(parts, language)},
        )
        for anchor, heading, parts in SECTIONS
    ]


def translations(language: str, source: str = "nl") -> dict[str, str]:
    """Source segment -> translation, the way wagtail-localize extracts them."""
    texts = {TITLE[source]: TITLE[language], INTRO[source]: INTRO[language]}
    for _anchor, heading, parts in SECTIONS:
        texts[heading[source]] = heading[language]
        for part in parts:
            for text in part[1] if isinstance(part, tuple) else [part]:
                texts[text[source]] = text[language]
    return texts


def load(*, log: Log, translate) -> None:
    """``translate`` is the project's page translator (see ``load_demo``)."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None or site.root_page.depth != 2:
        log("No home page to hang the privacy policy under; run the home demo first.")
        return
    home = site.root_page
    source = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    policy = policy_page_ensure(parent=home, language=source.language_code, log=log)
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code != source.language_code:
            translate(
                page=policy,
                locale=Locale.objects.get(language_code=code),
                texts=translations(code, source.language_code),
                log=log,
            )


def policy_page_ensure(*, parent: Page, language: str, log: Log) -> PrivacyPolicyPage:
    existing = page_at_slug(parent=parent, slug=SLUG, model=PrivacyPolicyPage, log=log)
    if existing is not None:
        return existing
    page = PrivacyPolicyPage(
        locale=parent.locale,
        title=TITLE[language],
        slug=SLUG,
        show_in_menus=True,
        intro=_paragraph(INTRO[language]),
        body=body(language),
        version="1.0",
        material_change_date=MATERIAL_CHANGE,
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    log(f"Created the privacy policy at /{parent.locale.language_code}/{page.slug}/.")
    return page

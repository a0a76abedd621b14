"""An untranslated page stays out of another language until its translation is published.

wagtail-localize mirrors every new page of the source language into each synchronised locale
(``LocaleSynchronization``) as an *alias*: a copy that follows its original, so editors find
it in that language's tree and translate it there. Wagtail publishes every alias whenever
its original is published (``Page.update_aliases``), and wagtail-localize has no setting
against it (``WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE`` only concerns translations).
Left alone, a new Dutch vacancy would go live at ``/fr/`` in Dutch, with its Dutch form,
in the French listings, filters, menus, sitemap and API.

So an alias in another language than its original's is kept a draft: the visitors of that
language see the page once its translation is published. An editor who wants the
untranslated page shown anyway publishes the alias itself (:func:`alias_publish`, the
"Publish untranslated" button of the page's menu in the admin); from then on it follows its
original as any alias does, until it is unpublished.
Aliases within one language (Wagtail's "Create alias") keep Wagtail's behaviour.

Every listing, menu, filter, sitemap and API listing reads ``live`` pages, so nothing else
needs to know about it.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models.signals import pre_save
from wagtail.log_actions import log as log_action
from wagtail.models import Page, get_page_models
from wagtail.signals import page_published


def is_untranslated_alias(page: Page) -> bool:
    """True when ``page`` mirrors a page of another language instead of translating it."""
    return (
        page.alias_of_id is not None
        and Page.objects.filter(pk=page.alias_of_id).exclude(locale_id=page.locale_id).exists()
    )


def _untranslated_alias_stays_draft(sender, instance: Page, raw: bool = False, **kwargs) -> None:
    if raw or not instance.live or instance.alias_of_id is None:
        return
    if not is_untranslated_alias(instance):
        return
    if getattr(instance, "_published_on_purpose", False):
        return
    if instance.pk is not None and Page.objects.filter(pk=instance.pk, live=True).exists():
        return
    instance.live = False
    instance.has_unpublished_changes = True


def alias_publish(*, page: Page, user=None) -> Page:
    """Publish the untranslated copy ``page`` on purpose, as Wagtail publishes a page.

    An alias has no revisions of its own, so it is published in place: live, logged as a
    publication and announced with ``page_published`` like any other.
    """
    page = page.specific
    page.live = True
    page.has_unpublished_changes = False
    page._published_on_purpose = True
    page.save(clean=False, update_fields=["live", "has_unpublished_changes"])
    log_action(page, "wagtail.publish", user=user)
    page_published.send(sender=page.specific_class, instance=page, revision=None)
    return page


def untranslated_aliases_unpublish(*, log: Callable[[str], None]) -> int:
    """Unpublish the untranslated aliases published before this rule existed; how many.

    For a database where the sync already published them (``load_demo`` runs it).
    """
    count = 0
    for page in Page.objects.live().filter(alias_of__isnull=False).specific():
        if is_untranslated_alias(page):
            page.unpublish(log_action=False)
            log(f"Unpublished the untranslated copy {page.url_path} until it is translated.")
            count += 1
    return count


def connect() -> None:
    # Per page model: the specific class is the sender when Wagtail saves an alias.
    for model in [Page, *get_page_models()]:
        pre_save.connect(
            _untranslated_alias_stays_draft,
            sender=model,
            dispatch_uid=f"website-alias-draft-{model._meta.label}",
        )

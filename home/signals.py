"""Retire the cached page chrome whenever what it shows may have changed."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, Page, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .models import OrganisationSettings
from .selectors import chrome_invalidate


def _invalidate(**kwargs) -> None:
    chrome_invalidate()


def _invalidate_on_page_delete(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        chrome_invalidate()


def connect() -> None:
    for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
        signal.connect(_invalidate, dispatch_uid=f"home-chrome-{signal!r}")
    post_delete.connect(_invalidate_on_page_delete, dispatch_uid="home-chrome-page-delete")
    for model in (OrganisationSettings, Site, Locale):
        post_save.connect(_invalidate, sender=model, dispatch_uid=f"home-chrome-{model.__name__}")
        post_delete.connect(
            _invalidate, sender=model, dispatch_uid=f"home-chrome-del-{model.__name__}"
        )

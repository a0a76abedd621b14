"""Retire the cached page chrome and content whenever what they show may have changed."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site, get_page_models
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .models import OrganisationIdentity, OrganisationSettings
from .services import chrome_invalidate


def _invalidate(**kwargs) -> None:
    chrome_invalidate()
    # Again once the change is committed: a request that read the old rows between the first
    # bump and the commit may have cached them under the new generation.
    transaction.on_commit(chrome_invalidate)


def connect() -> None:
    for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
        signal.connect(_invalidate, dispatch_uid=f"home-chrome-{signal!r}")
    # Per page model, not for every sender: a receiver for all models would stop Django's
    # fast bulk deletes everywhere else (retention purges, for one).
    for model in [Page, *get_page_models()]:
        post_delete.connect(_invalidate, sender=model, dispatch_uid=f"home-chrome-del-{model!r}")
    # Cached content holds images' rendition URLs and documents' links: a replaced file, a
    # new focal point or a deleted image would otherwise show stale or broken until expiry.
    image_model, document_model = get_image_model(), get_document_model()
    for model in (
        OrganisationSettings,
        OrganisationIdentity,
        Site,
        Locale,
        image_model,
        document_model,
    ):
        post_save.connect(_invalidate, sender=model, dispatch_uid=f"home-chrome-{model.__name__}")
        post_delete.connect(
            _invalidate, sender=model, dispatch_uid=f"home-chrome-del-{model.__name__}"
        )
    # Deleted renditions (Wagtail deletes them when an image's file changes) leave cached
    # HTML pointing at files that are gone; new renditions change nothing already cached.
    post_delete.connect(
        _invalidate, sender=image_model.get_rendition_model(), dispatch_uid="home-chrome-del-rend"
    )

"""The Plone importer's settings, each with a default; read them here, nowhere else.

The importer knows no project: the page models Plone's types become are named here, as
``"app_label.ModelName"``, and a site sets them in its settings (``PLONE_IMPORT_<NAME>``).
"""

from __future__ import annotations

from django.apps import apps
from django.conf import settings


def get(name: str, default):
    return getattr(settings, f"PLONE_IMPORT_{name}", default)


def page_model_name() -> str:
    """Folders, Documents, language-independent folders and anything without its own model.

    Empty by default: a site names its content page model (``PLONE_IMPORT_PAGE_MODEL``)."""
    return get("PAGE_MODEL", "")


def news_model_name() -> str:
    """News Items; the content page model when unset."""
    return get("NEWS_MODEL", "") or page_model_name()


def collection_model_name() -> str:
    """Collections and Topics, an index listing what their query selected."""
    return get("COLLECTION_MODEL", "") or page_model_name()


def event_model_name() -> str:
    """Events: the events plugin's page when it is installed."""
    default = "events.EventPage" if apps.is_installed("events") else ""
    return get("EVENT_MODEL", default)


def form_model_name() -> str:
    """collective.easyform and PloneFormGen forms: the forms plugin's page."""
    default = "forms.FormPage" if apps.is_installed("forms") else ""
    return get("FORM_MODEL", default)


def body_field() -> str:
    """The StreamField or RichTextField that receives an item's text or Volto blocks."""
    return get("BODY_FIELD", "body")


def description_fields() -> tuple[str, ...]:
    """Page fields that receive the Plone description (each one the model has)."""
    return tuple(get("DESCRIPTION_FIELDS", ("search_description",)))


def news_fields() -> dict[str, str]:
    """Where a News Item's date, lead image, its caption and tags go on the news model."""
    defaults = {
        "date": "date",
        "image": "lead_image",
        "caption": "lead_image_caption",
        "tags": "tags",
    }
    return {**defaults, **get("NEWS_FIELDS", {})}


def tags_field() -> str:
    """The tag field of any page model that has one: Plone's ``subjects`` go there."""
    return get("TAGS_FIELD", "tags")


def default_inbox() -> str:
    """The name of the inbox imported forms send to unless ``--inbox`` names another."""
    return get("INBOX", "")


def event_inbox() -> str:
    """The name of the inbox imported events file registrations under (their registration
    is closed; an editor who opens it finds the inbox set). The form inbox when unset."""
    return get("EVENT_INBOX", "")


def default_purpose() -> str:
    """The key of the purpose imported forms state unless ``--purpose`` names another."""
    return get("PURPOSE", "answer-request")


def collection_name() -> str:
    """The name of the Wagtail collection each import's files and images go to; the source's
    name is appended."""
    return get("COLLECTION_NAME", "Plone")


def image_scales() -> tuple[str, ...]:
    """Plone's image scale names whose old URLs (``@@images/image/<scale>``) redirect."""
    return tuple(
        get(
            "IMAGE_SCALES",
            (
                "icon",
                "tile",
                "thumb",
                "mini",
                "preview",
                "teaser",
                "large",
                "larger",
                "great",
                "huge",
                "listing",
            ),
        )
    )


def old_hosts() -> tuple[str, ...]:
    """Host names of the old site, whose absolute links become internal ones. The hosts
    found in the export's own ``@id`` URLs are always added."""
    return tuple(get("OLD_HOSTS", ()))

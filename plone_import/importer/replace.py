"""An item whose Plone type changed since the last run: what it became is replaced.

A Document that became a News Item needs another page model, which Wagtail cannot give an
existing page. So the new page is made at the same place, with the same slug and translation
key; the old page's children move under it, every redirect and mapping row that pointed at
the old page points at the new one, and the items whose text linked to the old page are
imported again at the end of the run so their links name the new page. Then the old page is
deleted, so nothing is left twice. The same holds for a file, an image or a link whose type
changed, except that an old page that still has children is kept (and reported): they would
have no place to go.
"""

from __future__ import annotations

import uuid

from django.contrib.contenttypes.models import ContentType
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, ReferenceIndex

from ..models import ImportedItem

REPLACED_SUFFIX = "-replaced"


def make_way(old) -> None:
    """Free the old page's slug and translation key for the page that replaces it."""
    if isinstance(old, Page):
        Page.objects.filter(pk=old.pk).update(
            slug=f"{old.slug}{REPLACED_SUFFIX}-{old.pk}"[:255], translation_key=uuid.uuid4()
        )


def replace(handlers, node, old, new) -> None:
    """Put ``new`` where ``old`` was (children, redirects, mapping rows, links), then delete
    ``old``."""
    imp = handlers.imp
    imp.forget_pages()
    old_type = type(old).__name__
    new_page = new if isinstance(new, Page) else None
    if isinstance(old, Page):
        children = Page.objects.filter(path__startswith=old.path, depth=old.depth + 1)
        if new_page is not None:
            # In the old order: each child in turn becomes the last.
            while (child := children.order_by("path").first()) is not None:
                child.move(Page.objects.get(pk=new_page.pk), pos="last-child")
        elif children.exists():
            imp.warn(
                f"it was a {old_type} before, which is kept: its children have nowhere else to go"
            )
            return
        _redirects_repoint(old, new)
    old_type_id = _type_id(old)
    new_type_id = _type_id(new) if new is not None else None
    for uid in ImportedItem.objects.filter(
        content_type_id=old_type_id, object_id=old.pk
    ).values_list("uid", flat=True):
        if uid != node.uid and uid in imp.targets:
            imp.targets[uid] = (new_type_id, new.pk) if new is not None else (0, 0)
    ImportedItem.objects.filter(content_type_id=old_type_id, object_id=old.pk).exclude(
        uid=node.uid
    ).update(content_type_id=new_type_id, object_id=new.pk if new is not None else None)
    _relink_referrers(imp, node, old)
    (Page.objects.get(pk=old.pk) if isinstance(old, Page) else old).delete()
    imp.warn(f"it was a {old_type} before: replaced by a {type(new).__name__}")


def _redirects_repoint(old: Page, new) -> None:
    """Redirects to the old page go where the item now leads: its new page, the file's
    address, or a link's target."""
    redirects = Redirect.objects.filter(redirect_page_id=old.pk)
    if isinstance(new, Page):
        redirects.update(redirect_page=new)
    elif isinstance(new, Redirect):
        redirects.update(redirect_page_id=new.redirect_page_id, redirect_link=new.redirect_link)
    elif new is not None:
        from .media import media_url

        redirects.update(redirect_page=None, redirect_link=media_url(new))


def _type_id(obj) -> int:
    if isinstance(obj, Page):
        return obj.content_type_id
    return ContentType.objects.get_for_model(obj, for_concrete_model=False).pk


def _relink_referrers(imp, node, old) -> None:
    """The imported pages whose text links to ``old``: imported again at the end of the run,
    when their links resolve to what replaced it."""
    page_type = ContentType.objects.get_for_model(Page)
    referrers = {
        int(object_id)
        for object_id in ReferenceIndex.get_references_to(old)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
        if str(object_id).isdigit()
    }
    if not referrers:
        return
    rows = ImportedItem.objects.filter(object_id__in=referrers).exclude(uid=node.uid)
    for uid, type_id in rows.values_list("uid", "content_type_id"):
        model = ContentType.objects.get_for_id(type_id).model_class() if type_id else None
        if model is not None and issubclass(model, Page) and uid in imp.index.nodes:
            imp.relink.add(uid)

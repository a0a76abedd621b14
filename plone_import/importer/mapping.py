"""Which Wagtail object each Plone UID became: the mapping rows kept across runs, the pages
kept at hand, and the parent page an item goes under."""

from __future__ import annotations

from collections import OrderedDict

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Locale, Page

from ..items import LANGUAGE_ROOT, SITE_ROOT_TYPES
from ..models import ImportedItem
from .errors import Deferred, ItemError
from .index import PLONE_ROOT_UID

# Pages kept at hand between items: the folders the next items go into (a small, fixed
# number, so memory stays flat).
PAGES_KEPT = 32


class ImportMapping:
    """The part of :class:`~plone_import.importer.run.Importer` that maps UIDs to objects;
    it reads the importer's ``targets``, ``pages``, ``index`` and ``options``."""

    pages: OrderedDict[str, Page]

    # --- Mapping ----------------------------------------------------------------------------

    def mapping_row(self, uid: str) -> tuple | None:
        """(pk, checksum, content type id, object id) of the UID's mapping row, or None."""
        if self.item_row[0] == uid:
            return self.item_row[1]
        if self.first_run and uid not in self.remembered:
            return None
        return (
            ImportedItem.objects.filter(uid=uid)
            .values_list("pk", "checksum", "content_type_id", "object_id")
            .first()
        )

    def target_model(self, uid: str):
        """The model of the object a UID became (this run or an earlier one), or None."""
        ref = self._ref(uid)
        return ContentType.objects.get_for_id(ref[0]).model_class() if ref else None

    def _ref(self, uid: str) -> tuple[int, int] | None:
        ref = self.targets.get(uid)
        if ref is None:
            row = self.mapping_row(uid)
            if row is None or row[3] is None:
                return None
            ref = self.targets[uid] = (row[2], row[3])
        if not ref[0]:  # a dry run's file or image, never stored
            return None
        return ref

    def target_of(self, uid: str):
        """The Wagtail object a UID became (this run or an earlier one), or None."""
        page = self.pages.get(uid)
        if page is not None:
            self.pages.move_to_end(uid)
            return page
        ref = self._ref(uid)
        if ref is None:
            return None
        model = ContentType.objects.get_for_id(ref[0]).model_class()
        obj = model._default_manager.filter(pk=ref[1]).first() if model else None
        if isinstance(obj, Page):
            obj = obj.specific
            self.pages[uid] = obj
            if len(self.pages) > PAGES_KEPT:
                self.pages.popitem(last=False)
        return obj

    def forget_pages(self) -> None:
        """Drop the pages kept at hand: after a rollback they may say what is no longer
        stored (a child counted that was never made)."""
        self.pages.clear()

    def remember(self, *, node, target, digest: str) -> None:
        content_type = (
            ContentType.objects.get_for_model(target, for_concrete_model=False) if target else None
        )
        if isinstance(target, Page):
            content_type = ContentType.objects.get_for_id(target.content_type_id)
        ref = (content_type.pk, target.pk) if target is not None else None
        if ref:
            self.targets[node.uid] = ref
        if self.options.dry_run and target is None:
            return
        values = {
            "portal_type": node.type[:100],
            "path": node.rel[:1000],
            "language": node.language[:16],
            "checksum": digest,
            "content_type_id": ref[0] if ref else None,
            "object_id": ref[1] if ref else None,
            "run": self.run_record,
        }
        row = self.mapping_row(node.uid)
        if row is None:
            created = ImportedItem.objects.create(uid=node.uid, **values)
            self.remembered.add(node.uid)
            row = (created.pk, digest, values["content_type_id"], values["object_id"])
        else:
            ImportedItem.objects.filter(pk=row[0]).update(**values, updated_at=timezone.now())
            row = (row[0], digest, values["content_type_id"], values["object_id"])
        if self.item_row[0] == node.uid:
            self.item_row = (node.uid, row)

    def parent_page(self, node, locale: Locale) -> Page:
        parent = self.index.nodes.get(node.parent) if node.parent else None
        if parent is None:
            if node.parent and node.parent != PLONE_ROOT_UID:
                existing = self.target_of(node.parent)
                if isinstance(existing, Page):
                    return existing
                raise ItemError("its parent was not found in the export or an earlier import")
            return self.home(locale)
        if parent.type in SITE_ROOT_TYPES:
            return self.home(locale)
        if parent.type == LANGUAGE_ROOT:
            roots = self._roots
            code = self.options.languages.get(roots[parent.uid], roots[parent.uid])
            return self.home(self.locales.get(code, locale))
        if parent.uid in self.failed:
            raise ItemError(f"its parent {parent.rel} was not imported")
        if parent.uid not in self.targets and parent.uid not in self.seen:
            raise Deferred()
        target = self.target_of(parent.uid)
        if not isinstance(target, Page):
            raise ItemError(f"its parent {parent.rel} did not become a page")
        return target

"""One import run over an export: the passes, per-item transactions and the report."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from .. import conf
from ..items import LANGUAGE_ROOT, SITE_ROOT_TYPES, checksum
from ..models import ImportedItem, ImportRun
from ..report import Report
from ..source import ExportSource
from .index import PLONE_ROOT_UID, ExportIndex, index_build, language_roots
from .indexing import index_updates_deferred
from .items import ItemHandlers

logger = logging.getLogger(__name__)


class ImportError_(Exception):  # noqa: N801 - "ImportError" is Python's own
    """The run cannot start (no page model set, an unknown --under page, no locale)."""


class Deferred(Exception):
    """The item's parent comes later in the export: try again after the others."""


class ItemError(Exception):
    """The item cannot be imported; the message says why, the rest goes on."""


@dataclass
class Options:
    dry_run: bool = False
    languages: dict[str, str] = field(default_factory=dict)
    default_language: str = ""
    under: int | None = None
    submissions: bool = False
    inbox: str = ""
    purpose: str = ""

    def as_dict(self) -> dict:
        return {
            "dry_run": self.dry_run,
            "languages": self.languages,
            "default_language": self.default_language,
            "under": self.under,
            "submissions": self.submissions,
            "inbox": self.inbox,
            "purpose": self.purpose,
        }


def model_named(name: str, what: str):
    if not name:
        return None
    try:
        return apps.get_model(name)
    except (LookupError, ValueError) as error:
        raise ImportError_(f"{what} {name!r} is not an installed model.") from error


class Importer:
    """``Importer(source, options).run()`` imports and returns the run with its report."""

    def __init__(self, source: ExportSource, options: Options, progress: Callable | None = None):
        self.source = source
        self.options = options
        self.progress = progress or (lambda done, total: None)
        self.report = Report()
        self.index: ExportIndex | None = None
        self.targets: dict[str, tuple[int, int]] = {}  # uid -> (content type id, object id)
        self.failed: set[str] = set()
        self.relink: set[str] = set()
        self.unchanged: set[str] = set()
        self.done = 0
        self.run_record: ImportRun | None = None
        page_model = model_named(conf.page_model_name(), "PLONE_IMPORT_PAGE_MODEL")
        if page_model is None:
            raise ImportError_(
                "PLONE_IMPORT_PAGE_MODEL is not set: name the page model Folders and Documents "
                "become, such as 'myapp.ContentPage'."
            )
        self.models = {
            "page": page_model,
            "news": model_named(conf.news_model_name(), "PLONE_IMPORT_NEWS_MODEL"),
            "collection": model_named(
                conf.collection_model_name(), "PLONE_IMPORT_COLLECTION_MODEL"
            ),
            "event": model_named(conf.event_model_name(), "PLONE_IMPORT_EVENT_MODEL"),
            "form": model_named(conf.form_model_name(), "PLONE_IMPORT_FORM_MODEL"),
        }
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}
        if not self.locales:
            raise ImportError_("The site has no locale.")
        default = options.default_language or Locale.get_default().language_code
        if default not in self.locales:
            raise ImportError_(f"--default-language {default!r} has no Wagtail locale.")
        self.default_language = default
        self.base_page = self._base_page()
        self.homes: dict[str, Page] = {}
        self.handlers = ItemHandlers(self)

    # --- Setting up -------------------------------------------------------------------------

    def _base_page(self) -> Page:
        if self.options.under:
            page = Page.objects.filter(pk=self.options.under).first()
            if page is None:
                raise ImportError_(f"--under {self.options.under}: no such page.")
            return page.specific
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            raise ImportError_("The site has no default Wagtail site to import under.")
        return site.root_page.specific

    def home(self, locale: Locale) -> Page:
        """The page a locale's tree goes under: the home page (or ``--under``) in it."""
        code = locale.language_code
        if code not in self.homes:
            page = self.base_page.get_translation_or_none(locale)
            if page is None:
                page = self.base_page.copy_for_translation(locale, copy_parents=True)
                page.save_revision().publish()
                self.report.warn(
                    path="/", message=f"made {self.base_page.title!r} in {code}, which it lacked"
                )
            self.homes[code] = page.specific
        return self.homes[code]

    def locale_of(self, node) -> Locale | None:
        code = node.language
        if not code:
            roots = self._roots
            for ancestor_uid in self._ancestor_uids(node):
                if ancestor_uid in roots:
                    code = roots[ancestor_uid]
                    break
        code = code or self.default_language
        code = self.options.languages.get(code, code)
        return self.locales.get(code)

    def _ancestor_uids(self, node):
        seen = set()
        parent = node.parent
        while parent and parent in self.index.nodes and parent not in seen:
            seen.add(parent)
            yield parent
            parent = self.index.nodes[parent].parent

    # --- Mapping ----------------------------------------------------------------------------

    def target_of(self, uid: str):
        """The Wagtail object a UID became (this run or an earlier one), or None."""
        ref = self.targets.get(uid)
        if ref is None:
            row = (
                ImportedItem.objects.filter(uid=uid)
                .values_list("content_type_id", "object_id")
                .first()
            )
            if row is None or row[1] is None:
                return None
            ref = self.targets[uid] = row
        if not ref[0]:  # a dry run's file or image, never stored
            return None
        model = ContentType.objects.get_for_id(ref[0]).model_class()
        obj = model._default_manager.filter(pk=ref[1]).first() if model else None
        return obj.specific if isinstance(obj, Page) else obj

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
        ImportedItem.objects.update_or_create(
            uid=node.uid,
            defaults={
                "portal_type": node.type[:100],
                "path": node.rel[:1000],
                "language": node.language[:16],
                "checksum": digest,
                "content_type_id": ref[0] if ref else None,
                "object_id": ref[1] if ref else None,
                "run": self.run_record,
            },
        )

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

    # --- The run ----------------------------------------------------------------------------

    def run(self) -> ImportRun:
        self.index = index_build(self.source)
        self._roots = language_roots(self.index)
        self.seen: set[str] = set()
        self.handlers.prepare()
        members = self.source.side("members")
        if isinstance(members, dict):
            self.report.members = len(members.get("members") or [])
        elif isinstance(members, list):
            self.report.members = len(members)
        for location, error in self.index.broken:
            self.report.error(path=location, message=error)
        for uid in self.index.duplicates:
            node = self.index.nodes[uid]
            self.report.error(
                path=node.rel, uid=uid, portal_type=node.type, message="its UID appears twice"
            )
        run = ImportRun(
            source=self.source.name[:500],
            export_format=self.source.format,
            options=self.options.as_dict(),
        )
        if self.options.dry_run:
            with transaction.atomic():
                self._passes()
                transaction.set_rollback(True)
        else:
            run.save()
            self.run_record = run
            try:
                with index_updates_deferred():
                    self._passes()
            except Exception:
                run.status = ImportRun.Status.FAILED
                run.finished_at = timezone.now()
                run.report = self.report.as_dict()
                run.save()
                raise
        totals = self.report.totals()
        for outcome in ("created", "updated", "unchanged", "skipped", "errors", "warnings"):
            setattr(run, outcome, totals[outcome])
        run.status = ImportRun.Status.ERRORS if totals["errors"] else ImportRun.Status.DONE
        run.finished_at = timezone.now()
        run.report = self.report.as_dict()
        if not self.options.dry_run:
            run.save()
        return run

    def _passes(self) -> None:
        total = len(self.index.nodes)
        deferred: list[str] = []
        for entry in self.source.entries():
            if self._import(entry) == "deferred":
                deferred.append(entry.location)
        while deferred:
            retry, deferred = deferred, []
            for entry in self.source.entries(retry):
                if self._import(entry) == "deferred":
                    deferred.append(entry.location)
            if len(deferred) == len(retry):
                for entry in self.source.entries(deferred):
                    node = self.index.nodes.get(entry.item.get("UID")) if entry.item else None
                    if node is not None and node.uid not in self.seen:
                        self._fail(node, "its parent was never imported")
                break
        self.progress(total, total)
        if self.relink:
            locations = [self.index.nodes[uid].location for uid in self.relink]
            for entry in self.source.entries(locations):
                self._import(entry, again=True)
        self.handlers.finish()

    def _fail(self, node, message: str) -> None:
        self.failed.add(node.uid)
        self.seen.add(node.uid)
        self.report.error(path=node.rel, uid=node.uid, portal_type=node.type, message=message)

    def _import(self, entry, *, again: bool = False) -> str:
        if entry.item is None:
            return "broken"
        uid = str(entry.item.get("UID") or "")
        node = self.index.nodes.get(uid)
        if node is None or node.location != entry.location:
            return "duplicate"
        if uid in self.seen and not again:
            return "done"
        digest = checksum(
            entry.item,
            node.parent,
            self.index.positions.get(uid),
            self.index.default_of.get(uid),
            self.index.default_pages.get(uid),
            self.index.groups.get(uid),
            self.options.languages,
            self.options.under,
            # A form read again with --submissions must be imported again for its rows.
            self.options.submissions and node.type in ("EasyForm", "FormFolder"),
        )
        self.item_warnings: list[str] = []
        self.item_pending = False
        stored: list[str] = []
        try:
            with transaction.atomic():
                outcome = self.handlers.handle(
                    node, entry, digest=digest, stored=stored, again=again
                )
        except Deferred:
            return "deferred"
        except ItemError as error:
            self._discard(stored)
            self._fail(node, str(error))
            return "failed"
        except Exception as error:  # one bad item must not stop the rest
            self._discard(stored)
            logger.exception("Plone item %s could not be imported", node.rel)
            self._fail(node, f"{type(error).__name__}: {error}")
            return "failed"
        self.seen.add(uid)
        if outcome == "unchanged":
            self.unchanged.add(uid)
        if not again:
            self.done += 1
            self.progress(self.done, len(self.index.nodes))
        if self.item_pending and not again:
            self.relink.add(uid)
        if outcome and not (again and outcome == "updated"):
            self.report.count(node.type, outcome)
        if not again:
            for message in self.item_warnings:
                self.report.warn(path=node.rel, portal_type=node.type, message=message)
        return outcome or "done"

    def _discard(self, stored: list[str]) -> None:
        from django.core.files.storage import default_storage

        for name in stored:
            try:
                default_storage.delete(name)
            except OSError:
                logger.exception("Could not remove %s after a failed item", name)

    def warn(self, message: str) -> None:
        self.item_warnings.append(message)

"""One import run over an export: the passes, per-item transactions and the report."""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps
from django.db import reset_queries, transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from .. import conf
from ..items import checksum, url_path
from ..models import ImportedItem, ImportRun
from ..report import Report
from ..source import ExportSource
from .errors import Deferred, ImportError_, ItemError
from .index import ExportIndex, index_build, language_roots
from .indexing import index_updates_deferred
from .items import ItemHandlers
from .mapping import ImportMapping
from .scratch import Scratch, ScratchMap, ScratchSet

logger = logging.getLogger(__name__)


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


class Importer(ImportMapping):
    """``Importer(source, options).run()`` imports and returns the run with its report."""

    def __init__(self, source: ExportSource, options: Options, progress: Callable | None = None):
        self.source = source
        self.options = options
        self.progress = progress or (lambda done, total: None)
        self.index: ExportIndex | None = None
        # What the run keeps per item lives in a scratch database, not in memory.
        self.scratch = Scratch()
        self.report = Report(self.scratch)
        self.targets = ScratchMap(self.scratch)  # uid -> (content type id, object id)
        self.failed = ScratchSet(self.scratch)
        self.relink = ScratchSet(self.scratch)
        self.unchanged = ScratchSet(self.scratch)
        self.seen = ScratchSet(self.scratch)
        self.remembered = ScratchSet(self.scratch)  # UIDs given a mapping row in this run
        self.pages: OrderedDict[str, Page] = OrderedDict()
        # The mapping row of the item being imported: (uid, (pk, checksum, type id, id)).
        self.item_row: tuple[str, tuple | None] = ("", None)
        self.done = 0
        self.total = 0
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

    # --- The run ----------------------------------------------------------------------------

    def run(self) -> ImportRun:
        try:
            return self._run()
        finally:
            self.scratch.close()

    def _run(self) -> ImportRun:
        # With no mapping row at all, nothing was imported before: no UID needs looking up.
        self.first_run = not ImportedItem.objects.exists()
        self.index = index_build(self.source, self.scratch)
        self._roots = language_roots(self.index)
        self.handlers.prepare()
        members = self.source.side("members")
        if isinstance(members, dict):
            self.report.members = len(members.get("members") or [])
        elif isinstance(members, list):
            self.report.members = len(members)
        for name, count in sorted(self.index.relations_left.items()):
            # Links in a text (isReferencing) come in with the text; any other relation has
            # no field here to go to.
            if name != "isReferencing":
                self.report.warn(path="/", message=f"{count} relation(s) {name!r} not imported")
        for location, error in self.index.broken:
            self.report.error(path=location, message=error)
        for location, error in self.source.unexported():
            path = self.handlers.addresses.strip_site(url_path(location)) if location else ""
            self.report.error(path=path or location, message=f"Plone did not export it: {error}")
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
        total = self.total = len(self.index.nodes)  # counted once: the index is on disk
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
        self.forget_pages()
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
        # With DEBUG on, Django keeps every query of the process (up to 9,000): those of the
        # item before are of no use here, and would make memory grow with the export.
        reset_queries()
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
            # Related items only where there are some: other items keep their checksum.
            *([related] if (related := self.index.related.get(uid)) else []),
        )
        self.item_warnings: list[str] = []
        self.item_pending = False
        self.item_row = ("", None)
        self.item_row = (uid, self.mapping_row(uid))
        stored: list[str] = []
        try:
            with transaction.atomic():
                outcome = self.handlers.handle(
                    node, entry, digest=digest, stored=stored, again=again
                )
        except Deferred:
            self.forget_pages()
            self.item_row = ("", None)
            return "deferred"
        except ItemError as error:
            self.forget_pages()
            self.item_row = ("", None)
            self._discard(stored)
            self._fail(node, str(error))
            return "failed"
        except Exception as error:  # one bad item must not stop the rest
            self.forget_pages()
            self.item_row = ("", None)
            self._discard(stored)
            logger.exception("Plone item %s could not be imported", node.rel)
            self._fail(node, f"{type(error).__name__}: {error}")
            return "failed"
        self.seen.add(uid)
        if outcome == "unchanged":
            self.unchanged.add(uid)
        if not again:
            self.done += 1
            self.progress(self.done, self.total)
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

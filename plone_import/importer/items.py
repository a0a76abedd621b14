"""What each Plone type becomes, item by item; the passes after the items."""

from __future__ import annotations

from html import escape

from django.contrib.contenttypes.models import ContentType
from django.utils import translation
from django.utils.translation import gettext
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from .. import conf
from ..items import LANGUAGE_ROOT, SITE_ROOT_TYPES, text_html
from ..links import Addresses, Target
from ..models import ImportedItem
from ..richtext import Converted, HtmlCleaner, Resolved
from ..volto import blocks_html
from . import media, redirects
from .pages import PageWriter, translation_key
from .replace import make_way, replace

PAGE_TYPES = {
    "Folder": "page",
    "Document": "page",
    "LIF": "page",
    "News Item": "news",
    "Collection": "collection",
    "Topic": "collection",
    "Event": "event",
}
FORM_TYPES = {"EasyForm", "FormFolder"}
MEDIA_TYPES = {"File", "Image"}
MERGEABLE_DEFAULT_PAGES = {"Document", "News Item"}


class ItemHandlers:
    def __init__(self, importer):
        self.imp = importer
        self.writer = PageWriter(warn=importer.warn)
        self.collection = None

    # --- Set-up and the passes after the items ----------------------------------------------

    def prepare(self) -> None:
        index = self.imp.index
        self.addresses = Addresses(
            site_path=index.site_path, hosts=index.hosts | set(conf.old_hosts())
        )

    def finish(self) -> None:
        from .after import after_items

        after_items(self)

    # --- One item ---------------------------------------------------------------------------

    def handle(self, node, entry, *, digest: str, stored: list, again: bool) -> str | None:
        imp = self.imp
        item = entry.item
        locale = imp.locale_of(node)
        if node.type in SITE_ROOT_TYPES:
            home = imp.home(imp.locales[imp.default_language])
            return self._alias(node, home, digest)
        if locale is None:
            imp.seen.add(node.uid)
            imp.failed.add(node.uid)
            imp.report.skip(
                path=node.rel,
                portal_type=node.type,
                reason=f"no Wagtail locale for its language {node.language!r}",
            )
            return None
        if node.type == LANGUAGE_ROOT:
            return self._alias(node, imp.home(locale), digest)
        if not again and self._unchanged(node, digest):
            return "unchanged"
        existing = imp.target_of(node.uid)
        if node.type in MEDIA_TYPES:
            return self._media(node, item, entry, existing, digest, stored)
        if node.type == "Link":
            return self._link(node, item, locale, digest)
        folder_uid = imp.index.default_of.get(node.uid)
        if folder_uid and node.type in MERGEABLE_DEFAULT_PAGES and folder_uid in imp.index.nodes:
            return self._default_page(node, item, folder_uid, digest, again)
        kind = PAGE_TYPES.get(node.type)
        if node.type in FORM_TYPES:
            kind = "form"
        if kind is None:
            from .errors import ItemError

            raise ItemError(f"the type {node.type!r} is not imported")
        model = imp.models.get(kind)
        if model is None:
            from .errors import ItemError

            raise ItemError(f"no page model is set for {node.type!r}")
        parent = imp.parent_page(node, locale)
        replaced = existing if existing is not None and not isinstance(existing, model) else None
        if replaced is not None:
            make_way(replaced)
        page = existing if replaced is None and existing is not None else model()
        if kind == "form":
            from .forms import form_page_fill

            self._page_fields(page, node, item, parent, locale)
            form_page_fill(self, page, node, item)
        else:
            self._page_fields(page, node, item, parent, locale)
            if not imp.index.default_pages.get(node.uid) or item.get("text") or item.get("blocks"):
                self._page_body(page, node, item, again=again)
            if kind == "news":
                image_id = self._lead_image(node, item, entry, stored)
                self.writer.news(page, item, image_id=image_id)
            elif kind == "event":
                from .forms import event_inbox

                self.writer.event(page, item, inbox=event_inbox(imp))
        created = page.pk is None
        self.writer.save(page, item, parent=parent)
        if kind == "form" and imp.options.submissions and not again:
            from .forms import submissions_import

            submissions_import(self, page, node, item)
        imp.remember(node=node, target=page, digest=digest)
        if replaced is not None:
            replace(self, node, replaced, page)
        self._redirect_to_page(node, page)
        return "created" if created else "updated"

    def _unchanged(self, node, digest: str) -> bool:
        row = self.imp.mapping_row(node.uid)
        if row is None or row[1] != digest or row[3] is None:
            return False
        model = ContentType.objects.get_for_id(row[2]).model_class()
        if model is None or not model._default_manager.filter(pk=row[3]).exists():
            return False
        self.imp.targets[node.uid] = (row[2], row[3])
        return True

    def _alias(self, node, page: Page, digest: str) -> str:
        """A site root or language root: it is the locale's home page, which stays as it is."""
        self.imp.remember(node=node, target=page, digest=digest)
        self._redirect_to_page(node, page)
        return "unchanged" if page.pk else None

    # --- Pages ------------------------------------------------------------------------------

    def _page_fields(self, page, node, item, parent, locale) -> None:
        group = self.imp.index.groups.get(node.uid, node.uid)
        self.writer.prepare(page, item, parent=parent, locale=locale, key=translation_key(group))

    def convert(self, node, item, *, again: bool, related_in: str = "") -> Converted:
        """The item's text (and Volto blocks) as rich text; with ``related_in`` (a language),
        its related items follow as a list of links under a heading in that language."""
        html = text_html(item)
        if item.get("blocks"):
            html = blocks_html(item, self.imp.warn) + html
        if related_in:
            html += self.related_html(node, related_in)
        cleaner = HtmlCleaner(addresses=self.addresses, resolve=self.resolve, base=node.rel)
        converted = cleaner.convert(html)
        if not self.imp.item_pending or again:
            for link in converted.unresolved:
                self.imp.report.unresolved(path=node.rel, link=link)
        return converted

    def related_html(self, node, language: str) -> str:
        """Plone's related items, which it listed under the text, as links to what they
        became (``resolveuid`` links, resolved as any link in a text is)."""
        uids = self.imp.index.related.get(node.uid)
        if not uids:
            return ""
        links = []
        for uid in uids:
            target = self.imp.index.nodes.get(uid)
            title = (target.title if target is not None else "") or uid
            links.append(f'<li><a href="resolveuid/{escape(uid)}">{escape(title)}</a></li>')
        with translation.override(language):
            heading = gettext("Related items")
        return f"<h2>{escape(heading)}</h2><ul>{''.join(links)}</ul>"

    def language_of(self, page) -> str:
        for code, locale in self.imp.locales.items():
            if locale.pk == page.locale_id:
                return code
        return self.imp.default_language

    def _page_body(self, page, node, item, *, again: bool, field: str | None = None) -> None:
        converted = self.convert(node, item, again=again, related_in=self.language_of(page))
        seed = str(self.imp.index.groups.get(node.uid, node.uid))
        if (
            not self.writer.body(page, converted, seed=seed, field=field)
            and converted.pieces
            and not self.writer.body(page, converted, seed=seed, field="description")
        ):
            self.imp.warn("its text was left out: the page model has no body field")

    def _lead_image(self, node, item, entry, stored) -> int | None:
        spec = item.get("image")
        if not isinstance(spec, dict):
            return None
        try:
            data = media.read_blob(self.imp.source, entry.location, spec)
        except media.MediaError as error:
            self.imp.warn(f"lead image missing: {error}")
            return None
        if self.imp.options.dry_run:
            return None
        image = media.media_save(
            item={
                "@type": "Image",
                "title": item.get("image_caption") or item.get("title"),
                "id": node.uid,
            },
            data=data,
            spec=spec,
            existing=self._lead_image_existing(node),
            collection=self._collection(),
            stored=stored,
        )
        return image.pk

    def _lead_image_existing(self, node):
        page = self.imp.target_of(node.uid)
        name = conf.news_fields()["image"]
        return getattr(page, name, None) if page is not None else None

    def _default_page(self, node, item, folder_uid, digest, again) -> str:
        """A folder's default page: its text becomes the folder page's; its URL redirects."""
        from .errors import Deferred, ItemError

        imp = self.imp
        if folder_uid not in imp.seen:
            raise Deferred()
        folder = imp.target_of(folder_uid)
        if not isinstance(folder, Page):
            raise ItemError("its folder did not become a page")
        self._page_body(folder, node, item, again=again)
        if item.get("description") and not folder.search_description:
            from ..fields import text_set

            text_set(folder, conf.description_fields(), str(item["description"]))
        if folder.live:
            folder.save_revision(clean=True).publish()
        else:
            folder.save_revision(clean=True)
        imp.remember(node=node, target=folder, digest=digest)
        self._redirect_to_page(node, folder)
        return "updated"

    # --- Files, images, links ----------------------------------------------------------------

    def _collection(self):
        if self.collection is None:
            self.collection = media.collection_for(self.imp.source.name)
        return self.collection

    def _media(self, node, item, entry, existing, digest, stored) -> str:
        from .errors import ItemError

        field, spec = media.blob_field(item)
        try:
            data = media.read_blob(self.imp.source, entry.location, spec)
        except media.MediaError as error:
            raise ItemError(str(error)) from error
        if self.imp.options.dry_run:
            self.imp.targets[node.uid] = (0, -1)
            return "created" if existing is None else "updated"
        try:
            obj = media.media_save(
                item=item,
                data=data,
                spec=spec,
                existing=existing,
                collection=self._collection(),
                stored=stored,
            )
        except media.MediaError as error:
            raise ItemError(str(error)) from error
        self.imp.remember(node=node, target=obj, digest=digest)
        if existing is not None and existing is not obj:
            replace(self, node, existing, obj)
        paths = redirects.media_paths(
            node.rel,
            self.imp.index.site_path,
            filename=str(spec.get("filename") or ""),
            field=field,
            scales=conf.image_scales(),
        )
        self._count_redirects(node, redirects.redirects_set(paths, url=media.media_url(obj)))
        return "created" if existing is None else "updated"

    def _link(self, node, item, locale, digest) -> str:
        target = self.resolve_link(node)
        paths = redirects.old_paths(node.rel, self.imp.index.site_path)
        if target is None:
            if not self.imp.item_pending:
                self.imp.report.unresolved(path=node.rel, link=node.remote_url)
            return "skipped"
        page = self._page_of(target)
        created, updated, too_long = redirects.redirects_set(
            paths, page=page, url="" if page else target.url
        )
        self._count_redirects(node, (created, updated, too_long))
        first = Redirect.objects.filter(
            old_path=Redirect.normalise_path(paths[-1]), site=None
        ).first()
        existing = self.imp.target_of(node.uid)
        if first is not None:
            self.imp.remember(node=node, target=first, digest=digest)
        if existing is not None and not isinstance(existing, Redirect):
            replace(self, node, existing, first)
        return "created" if created else "updated"

    def resolve_link(self, node) -> Resolved | None:
        url = node.remote_url
        target = self.addresses.target(url, base=node.rel)
        if target is None:
            return (
                Resolved("url", url=url)
                if url.startswith(("http://", "https://", "mailto:"))
                else None
            )
        return self.resolve(target)

    def resolve_target_uid(self, uid: str) -> int | None:
        """The id of the page a UID became, for listings."""
        resolved = self.resolve(Target(uid=uid))
        return resolved.id if resolved is not None and resolved.kind == "page" else None

    def _page_of(self, resolved: Resolved):
        if resolved.kind == "page" and resolved.id:
            return Page.objects.filter(pk=resolved.id).first()
        return None

    # --- Resolving what a link points at -----------------------------------------------------

    def resolve(self, target: Target, _depth: int = 0) -> Resolved | None:
        imp = self.imp
        uid = target.uid or imp.index.by_path.get(target.path, "")
        if not uid and target.path and not imp.first_run:
            row = (
                ImportedItem.objects.filter(path=target.path).values_list("uid", flat=True).first()
            )
            uid = row or ""
        if not uid:
            return None
        node = imp.index.nodes.get(uid)
        if node is not None and node.type == "Link" and _depth < 5:
            inner = self.addresses.target(node.remote_url, base=node.rel)
            if inner is None:
                return Resolved("url", url=node.remote_url) if node.remote_url else None
            return self.resolve(inner, _depth + 1)
        if node is not None and uid not in imp.seen and uid not in imp.failed:
            imp.item_pending = True
            return None
        ref = imp.targets.get(uid)
        if ref == (0, -1):  # a file or image of a dry run
            return Resolved("image" if node and node.type == "Image" else "document", id=-1)
        if ref is not None and uid in imp.seen and uid not in imp.failed:
            # Made or checked in this run: a page's id is all a link needs.
            model = ContentType.objects.get_for_id(ref[0]).model_class()
            if model is not None and issubclass(model, Page):
                return Resolved("page", id=ref[1])
        obj = imp.target_of(uid)
        if obj is None:
            return None
        if isinstance(obj, Page):
            return Resolved("page", id=obj.pk)
        if isinstance(obj, get_image_model()):
            return Resolved("image", id=obj.pk, url=obj.file.url)
        if isinstance(obj, get_document_model()):
            return Resolved("document", id=obj.pk, url=obj.url)
        return None

    # --- Redirects ---------------------------------------------------------------------------

    def _redirect_to_page(self, node, page) -> None:
        if self.imp.options.dry_run and page.pk is None:
            return
        paths = redirects.old_paths(node.rel, self.imp.index.site_path)
        skip = page.get_url(None) or ""
        self._count_redirects(node, redirects.redirects_set(paths, page=page, skip=skip))

    def _count_redirects(self, node, counts) -> None:
        created, updated, too_long = counts
        self.imp.report.redirects["created"] += created
        self.imp.report.redirects["updated"] += updated
        for path in too_long:
            self.imp.warn(f"old URL {path} is too long for a redirect")

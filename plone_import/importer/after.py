"""After every item: links that pointed ahead, sibling order, translations, Plone's redirects
and what collections selected."""

from __future__ import annotations

import logging

from django.db import reset_queries, transaction
from wagtail.models import Page

from ..items import LANGUAGE_ROOT, SITE_ROOT_TYPES
from . import redirects

logger = logging.getLogger(__name__)


def after_items(handlers) -> None:
    imp = handlers.imp
    for step in (order_pages, link_translations, plone_redirects, fill_collections):
        reset_queries()  # as between items: no query log growing with the export
        try:
            with transaction.atomic():
                step(handlers)
        except Exception as error:
            logger.exception("Plone import step %s failed", step.__name__)
            imp.report.error(path="/", message=f"{step.__name__}: {type(error).__name__}: {error}")


def order_pages(handlers) -> None:
    """Siblings in Plone's order (its ordering, else the export's), moving only what differs."""
    imp = handlers.imp
    index = imp.index
    for children in index.children():
        pages = []
        for uid, place in children:
            if uid in index.default_of:
                continue
            ref = imp.targets.get(uid)
            if not (ref and ref[0]):
                continue
            node = index.nodes[uid]
            if (
                node.type in ("File", "Image", "Link", LANGUAGE_ROOT)
                or node.type in SITE_ROOT_TYPES
            ):
                continue
            pages.append((index.positions.get(uid, 10**9), place, ref[1]))
        if len(pages) < 2:
            continue
        wanted = [pk for _pos, _seq, pk in sorted(pages)]
        rows = list(Page.objects.filter(pk__in=wanted).order_by("path").values_list("pk", "path"))
        by_parent: dict[str, list[int]] = {}
        for pk, path in rows:
            by_parent.setdefault(path[: -Page.steplen], []).append(pk)
        for current in by_parent.values():
            desired = [pk for pk in wanted if pk in current]
            if desired == current:
                continue
            parent = Page.objects.get(pk=current[0]).get_parent()
            for pk in desired:
                Page.objects.get(pk=pk).move(parent, pos="last-child")


def link_translations(handlers) -> None:
    from .translations import link_translations as link

    link(handlers)


def plone_redirects(handlers) -> None:
    """Plone's own redirect table: each old path to what its new path became."""
    imp = handlers.imp
    table = imp.source.side("redirects") or {}
    if not isinstance(table, dict):
        return
    site_path = imp.index.site_path
    for old, new in table.items():
        if not isinstance(old, str) or not isinstance(new, str):
            continue
        target = handlers.addresses.target(new, base="/")
        resolved = handlers.resolve(target) if target is not None else None
        if resolved is None:
            imp.report.unresolved(path=old, link=new)
            continue
        rel = handlers.addresses.strip_site(old.rstrip("/") or "/")
        paths = redirects.old_paths(rel, site_path)
        page = handlers._page_of(resolved)
        counts = redirects.redirects_set(paths, page=page, url="" if page else resolved.url)
        imp.report.redirects["created"] += counts[0]
        imp.report.redirects["updated"] += counts[1]


def fill_collections(handlers) -> None:
    from .collections import collections_fill

    collections_fill(handlers)

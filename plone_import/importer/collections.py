"""A Collection (or old Topic) becomes an index page listing what its query selected.

Its query is evaluated against the export, as far as its criteria map: type, path, tags and
review state. The listing is written as the page's text, with links to the pages it found;
criteria that do not map are reported.
"""

from __future__ import annotations

import json
from html import escape

from wagtail.models import Page

from .. import conf
from ..fields import model_field
from ..richtext import Converted

MAPPED = {"portal_type", "path", "Subject", "review_state", "Language"}


def collections_fill(handlers) -> None:
    imp = handlers.imp
    if imp.options.dry_run:
        return
    for node in imp.index.nodes.of_types(("Collection", "Topic")):
        if node.uid in imp.failed or node.uid not in imp.seen:
            continue
        page = imp.target_of(node.uid)
        if not isinstance(page, Page):
            continue
        entry = next(iter(imp.source.entries([node.location])), None)
        if entry is None or entry.item is None:
            continue
        item = entry.item
        selected, unmapped = select(imp.index, node, item)
        for name in unmapped:
            imp.report.warn(
                path=node.rel, portal_type=node.type, message=f"criterion {name!r} not applied"
            )
        links = []
        for uid in selected:
            target = handlers.resolve_target_uid(uid)
            if target is not None:
                links.append(
                    f'<li><a linktype="page" id="{target}">{escape(imp.index.nodes[uid].title)}</a></li>'
                )
        converted = handlers.convert(node, item, again=True, related_in=handlers.language_of(page))
        if links:
            converted.add_html(f"<ul>{''.join(links)}</ul>")
        seed = str(imp.index.groups.get(node.uid, node.uid))
        before = _stored_body(page)
        if handlers.writer.body(page, converted, seed=seed) and _stored_body(page) != before:
            revision = page.save_revision(clean=True)
            if page.live:
                revision.publish()


def _stored_body(page) -> str:
    # What the body field stores: a re-run that selects the same pages writes nothing.
    # A StreamField read back from PostgreSQL's jsonb has its keys in another order than the
    # one just built, so JSON is compared with its keys sorted.
    field = model_field(type(page), conf.body_field())
    if field is None:
        return ""
    stored = field.value_to_string(page)
    try:
        return json.dumps(json.loads(stored), sort_keys=True)
    except (TypeError, ValueError):
        return stored


def select(index, node, item) -> tuple[list[str], list[str]]:
    # The criteria filter the nodes as they are read: only what the query selects is held.
    # (Each filter binds its own values: they are applied only when the list is made.)
    nodes = (n for n in index.nodes.values() if n.uid != node.uid)
    unmapped = []
    for criterion in item.get("query") or []:
        if not isinstance(criterion, dict):
            continue
        name, operation, value = (
            criterion.get("i"),
            str(criterion.get("o") or ""),
            criterion.get("v"),
        )
        values = value if isinstance(value, list) else [value]
        values = [str(v) for v in values if v is not None]
        if name == "portal_type":
            nodes = filter(lambda n, v=values: n.type in v, nodes)
        elif name == "review_state":
            nodes = filter(lambda n, v=values: n.state in v, nodes)
        elif name == "Subject":
            nodes = filter(lambda n, v=set(values): bool(set(n.subjects) & v), nodes)
        elif name == "Language":
            nodes = filter(lambda n, v=values: n.language in v, nodes)
        elif name == "path":
            base = _path_base(index, node, values[0] if values else "", operation)
            depth = None
            if "::" in (values[0] if values else ""):
                depth = _int(values[0].split("::", 1)[1])
            nodes = filter(lambda n, b=base, d=depth: _under(n.rel, b, d), nodes)
        else:
            unmapped.append(str(name))
    nodes = list(nodes)
    reverse = bool(item.get("sort_reversed"))
    sort_on = item.get("sort_on") or ""
    if sort_on in ("effective", "created", "modified", "start"):
        nodes.sort(key=lambda n: n.effective, reverse=reverse)
    elif sort_on == "sortable_title":
        nodes.sort(key=lambda n: n.title.lower(), reverse=reverse)
    elif reverse:
        nodes.reverse()
    limit = _int(item.get("limit")) or _int(item.get("item_count"))
    if limit:
        nodes = nodes[:limit]
    return [n.uid for n in nodes], unmapped


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _path_base(index, node, value: str, operation: str) -> str:
    value = value.split("::", 1)[0]
    if len(value) == 32 and "/" not in value and value in index.nodes:
        return index.nodes[value].rel
    if "relativePath" in operation:
        parent = node.rel.rsplit("/", 1)[0] or "/"
        return parent if value in ("..", "../") else f"{parent}/{value.strip('./')}".rstrip("/")
    if index.site_path and value.startswith(index.site_path):
        value = value[len(index.site_path) :]
    return value.rstrip("/") or "/"


def _under(path: str, base: str, depth: int | None) -> bool:
    if base == "/":
        rest = path.strip("/")
    elif path.startswith(base + "/"):
        rest = path[len(base) + 1 :]
    else:
        return False
    return depth is None or depth < 0 or rest.count("/") < depth


__all__ = ["Converted", "collections_fill", "select"]

"""The first pass: a small index of every item (UID, type, path, parent, language), no content.

It lets the import find a parent by path (plone.exportimport leaves ``parent`` out), know a
UID that appears later in the export, tell a default page from a page, and sort siblings.
The entries live in the run's scratch database, not in memory (see ``scratch``), so memory
does not grow with the export.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import astuple, dataclass, fields

from ..items import (
    LANGUAGE_ROOT,
    SITE_ROOT_TYPES,
    item_path,
    item_uid,
    language_code,
    parent_type,
    parent_uid,
    url_path,
)
from ..source import ExportSource
from ..source.readers import PLONE
from .scratch import BATCH, Scratch, ScratchList, ScratchMap

PLONE_ROOT_UID = "plone_site_root"


@dataclass(slots=True)
class Node:
    uid: str
    type: str
    path: str  # absolute as exported; ``rel`` strips the site id
    parent: str
    language: str
    location: str
    title: str = ""
    subjects: tuple = ()
    state: str = ""
    effective: str = ""
    remote_url: str = ""
    rel: str = ""


NODE_FIELDS = tuple(f.name for f in fields(Node))


class NodeTable:
    """UID -> ``Node``, in export order, in the scratch database; indexed by path and parent.

    A ``Node`` read from it is a copy: after changing one, store it again (``nodes[uid] =
    node``)."""

    def __init__(self, scratch: Scratch):
        self.db = scratch.db
        self.name = scratch.table(
            "uid TEXT PRIMARY KEY, type TEXT, parent TEXT, rel TEXT, data TEXT NOT NULL"
        )
        self.db.execute(f"CREATE INDEX {self.name}_rel ON {self.name} (rel)")
        self.db.execute(f"CREATE INDEX {self.name}_parent ON {self.name} (parent)")

    @staticmethod
    def _node(data: str) -> Node:
        values = json.loads(data)
        node = Node(**dict(zip(NODE_FIELDS, values, strict=True)))
        node.subjects = tuple(node.subjects)
        return node

    def __setitem__(self, uid: str, node: Node) -> None:
        # An update keeps the row id, which is the item's place in the export.
        self.db.execute(
            f"INSERT INTO {self.name} (uid, type, parent, rel, data) VALUES (?, ?, ?, ?, ?) "  # noqa: S608  # nosec B608
            "ON CONFLICT(uid) DO UPDATE SET type = excluded.type, parent = excluded.parent, "
            "rel = excluded.rel, data = excluded.data",
            (uid, node.type, node.parent, node.rel, json.dumps(astuple(node))),
        )

    def __getitem__(self, uid: str) -> Node:
        row = self.db.execute(f"SELECT data FROM {self.name} WHERE uid = ?", (uid,)).fetchone()  # noqa: S608  # nosec B608
        if row is None:
            raise KeyError(uid)
        return self._node(row[0])

    def get(self, uid, default=None):
        if not isinstance(uid, str):
            return default
        try:
            return self[uid]
        except KeyError:
            return default

    def __contains__(self, uid) -> bool:
        return (
            isinstance(uid, str)
            and self.db.execute(f"SELECT 1 FROM {self.name} WHERE uid = ?", (uid,)).fetchone()  # noqa: S608  # nosec B608
            is not None
        )

    def __len__(self) -> int:
        return self.db.execute(f"SELECT count(*) FROM {self.name}").fetchone()[0]  # noqa: S608  # nosec B608

    def values(self, where: str = "", params: tuple = ()) -> Iterator[Node]:
        """Every node (or those ``where`` selects), in export order, read in batches."""
        last = 0
        condition = f"AND ({where})" if where else ""
        while True:
            rows = self.db.execute(
                f"SELECT rowid, data FROM {self.name} WHERE rowid > ? {condition} "  # noqa: S608  # nosec B608
                "ORDER BY rowid LIMIT ?",
                (last, *params, BATCH),
            ).fetchall()
            if not rows:
                return
            for rowid, data in rows:
                last = rowid
                yield self._node(data)

    def of_types(self, types: Iterable[str]) -> Iterator[Node]:
        types = tuple(types)
        return self.values(f"type IN ({', '.join('?' * len(types))})", types)

    def uid_at(self, rel: str) -> str:
        """The UID of the first item at a path (relative to the site), or ""."""
        row = self.db.execute(
            f"SELECT uid FROM {self.name} WHERE rel = ? ORDER BY rowid LIMIT 1",  # noqa: S608  # nosec B608
            (rel,),
        ).fetchone()
        return row[0] if row else ""

    def children(self) -> Iterator[list[tuple[str, int]]]:
        """Each parent's children as (uid, place in the export), one parent at a time."""
        cursor = self.db.execute(
            f"SELECT parent, uid, rowid FROM {self.name} ORDER BY parent, rowid"  # noqa: S608  # nosec B608
        )
        parent, group = None, []
        for row_parent, uid, rowid in cursor:
            if row_parent != parent and group:
                yield group
                group = []
            parent = row_parent
            group.append((uid, rowid))
        if group:
            yield group


class PathIndex:
    """Relative path -> UID of the first item there (a ``dict.get`` over the node table)."""

    def __init__(self, nodes: NodeTable):
        self.nodes = nodes

    def get(self, rel: str, default: str = "") -> str:
        return self.nodes.uid_at(rel) or default


class ExportIndex:
    def __init__(self, scratch: Scratch | None = None):
        self.scratch = scratch or Scratch()
        self.nodes = NodeTable(self.scratch)
        self.by_path = PathIndex(self.nodes)  # rel path -> uid
        self.broken = ScratchList(self.scratch)  # [location, error]
        self.site_path = ""
        self.hosts: set[str] = set()
        self.positions = ScratchMap(self.scratch)  # uid -> position among its siblings
        self.default_pages = ScratchMap(self.scratch)  # folder uid -> page uid
        self.default_of = ScratchMap(self.scratch)  # page uid -> folder uid
        self.groups = ScratchMap(self.scratch)  # uid -> group's canonical uid
        self.group_members = ScratchMap(self.scratch)  # canonical uid -> member uids
        self.related = ScratchMap(self.scratch)  # uid -> its related items' uids, in order
        self.relations_left: dict[str, int] = {}  # other relations by name -> how many
        self.duplicates = ScratchList(self.scratch)  # UIDs met a second time
        self.site_id = ""

    def children(self) -> Iterator[list[tuple[str, int]]]:
        return self.nodes.children()

    def close(self) -> None:
        self.scratch.close()


def _host(url: str) -> str:
    if "://" not in url:
        return ""
    return url.split("://", 1)[1].split("/", 1)[0]


def index_build(source: ExportSource, scratch: Scratch | None = None) -> ExportIndex:
    index = ExportIndex(scratch)
    site_candidates: list[str] = []
    for entry in source.entries():
        if entry.item is None:
            index.broken.append([entry.location, entry.error])
            continue
        item = entry.item
        uid = item_uid(item)
        kind = str(item.get("@type") or "")
        path = item_path(item)
        if not uid:
            index.broken.append([entry.location, f"{path}: the item has no UID"])
            continue
        if uid in index.nodes:
            index.duplicates.append(uid)
            continue
        host = _host(str(item.get("@id") or ""))
        if host:
            index.hosts.add(host)
        if kind in SITE_ROOT_TYPES:
            if source.format == PLONE:
                # plone.exportimport writes paths without the site id; its root item names it.
                index.site_id = str(item.get("id") or "")
            site_candidates.append(path)
        elif parent_type(item) in SITE_ROOT_TYPES:
            site_candidates.append(url_path(str((item.get("parent") or {}).get("@id") or "")))
        subjects = item.get("subjects") or item.get("subject") or ()
        index.nodes[uid] = Node(
            uid=uid,
            type=kind,
            path=path,
            parent=parent_uid(item),
            language=language_code(item.get("language")),
            location=entry.location,
            title=str(item.get("title") or "")[:255],
            subjects=tuple(str(s) for s in subjects) if isinstance(subjects, list | tuple) else (),
            state=str(item.get("review_state") or ""),
            effective=str(item.get("effective") or item.get("created") or ""),
            remote_url=str(item.get("remoteUrl") or "") if kind == "Link" else "",
        )
    if source.format != PLONE and site_candidates:
        index.site_path = min(site_candidates, key=len).rstrip("/")
    _relative_paths(index)
    if source.format == PLONE and index.site_id:
        index.site_path = f"/{index.site_id}"
    _parents_by_path(index)
    _side_files(source, index)
    return index


def _relative_paths(index: ExportIndex) -> None:
    site = index.site_path
    for node in index.nodes.values():
        rel = node.path
        if site and (rel == site or rel.startswith(site + "/")):
            rel = rel[len(site) :] or "/"
        node.rel = rel
        index.nodes[node.uid] = node


def _parents_by_path(index: ExportIndex) -> None:
    for node in index.nodes.values():
        if node.parent and node.parent in index.nodes:
            continue
        if node.parent == PLONE_ROOT_UID or node.type in SITE_ROOT_TYPES:
            continue
        if node.rel == "/":
            continue
        parent_path = node.rel.rsplit("/", 1)[0] or "/"
        found = index.by_path.get(parent_path)
        if found:
            node.parent = found
        elif parent_path == "/" and not node.parent:
            node.parent = PLONE_ROOT_UID
        elif not node.parent:
            node.parent = f"missing:{parent_path}"
        else:
            continue
        index.nodes[node.uid] = node


def _side_files(source: ExportSource, index: ExportIndex) -> None:
    if source.format == PLONE:
        metadata = source.side("metadata") or {}
        for uid, position in (metadata.get("ordering") or {}).items():
            if isinstance(position, int):
                index.positions[str(uid)] = position
        for uid, info in (metadata.get("default_page") or {}).items():
            if isinstance(info, dict) and isinstance(info.get("default_page_uuid"), str):
                index.default_pages[str(uid)] = info["default_page_uuid"]
        groups = []
        for group in source.side("translations") or []:
            if isinstance(group, dict):
                members = [group.get("canonical")] + list(
                    (group.get("translations") or {}).values()
                )
                groups.append([uid for uid in members if uid])
    else:
        for row in source.side("ordering") or []:
            if isinstance(row, dict) and row.get("uuid") and isinstance(row.get("order"), int):
                index.positions[str(row["uuid"])] = row["order"]
        for row in source.side("defaultpages") or []:
            if (
                isinstance(row, dict)
                and row.get("uuid")
                and isinstance(row.get("default_page_uuid"), str)
            ):
                index.default_pages[str(row["uuid"])] = row["default_page_uuid"]
        groups = [
            [uid for uid in group.values() if isinstance(uid, str)]
            for group in source.side("translations") or []
            if isinstance(group, dict)
        ]
    for folder, page in index.default_pages.items():
        index.default_of[page] = folder
    _relations(source, index)
    for members in groups:
        members = [uid for uid in dict.fromkeys(members) if isinstance(uid, str)]
        if len(members) < 2:
            continue
        canonical = members[0]
        index.group_members[canonical] = members
        for uid in members:
            index.groups[uid] = canonical


RELATED_ITEMS = "relatedItems"


def _relations(source: ExportSource, index: ExportIndex) -> None:
    """``relatedItems`` from the relations file (the export leaves them out of the items).

    Other relations are counted for the report: links in a text (``isReferencing``) come
    with the text itself, and a custom relation field has no counterpart here."""
    for row in source.side_items("relations"):
        if not isinstance(row, dict):
            continue
        source_uid, target_uid = row.get("from_uuid"), row.get("to_uuid")
        name = str(row.get("relationship") or row.get("from_attribute") or "")
        if not isinstance(source_uid, str) or not isinstance(target_uid, str):
            continue
        if name != RELATED_ITEMS:
            index.relations_left[name] = index.relations_left.get(name, 0) + 1
            continue
        targets = list(index.related.get(source_uid) or ())
        if target_uid not in targets:
            index.related[source_uid] = [*targets, target_uid]


def language_roots(index: ExportIndex) -> dict[str, str]:
    """Language root folders (LRF) by UID -> their language code."""
    return {
        node.uid: node.language or node.rel.strip("/").split("/", 1)[0]
        for node in index.nodes.of_types([LANGUAGE_ROOT])
    }


def ancestors(index: ExportIndex, uid: str) -> Iterable[Node]:
    seen = set()
    node = index.nodes.get(uid)
    while node is not None and node.parent and node.parent not in seen:
        seen.add(node.parent)
        node = index.nodes.get(node.parent)
        if node is not None:
            yield node

"""The first pass: a small index of every item (UID, type, path, parent, language), no content.

It lets the import find a parent by path (plone.exportimport leaves ``parent`` out), know a
UID that appears later in the export, tell a default page from a page, and sort siblings.
An index entry is a few short strings, so memory grows little with the export.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

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


@dataclass
class ExportIndex:
    nodes: dict[str, Node] = field(default_factory=dict)
    by_path: dict[str, str] = field(default_factory=dict)  # rel path -> uid
    broken: list[tuple[str, str]] = field(default_factory=list)  # (location, error)
    site_path: str = ""
    hosts: set[str] = field(default_factory=set)
    positions: dict[str, int] = field(default_factory=dict)
    default_pages: dict[str, str] = field(default_factory=dict)  # folder uid -> page uid
    default_of: dict[str, str] = field(default_factory=dict)  # page uid -> folder uid
    groups: dict[str, str] = field(default_factory=dict)  # uid -> group's canonical uid
    group_members: dict[str, list[str]] = field(default_factory=dict)
    duplicates: list[str] = field(default_factory=list)
    site_id: str = ""

    def children(self) -> dict[str, list[str]]:
        result: dict[str, list[str]] = {}
        for node in self.nodes.values():
            result.setdefault(node.parent, []).append(node.uid)
        return result


def _host(url: str) -> str:
    if "://" not in url:
        return ""
    return url.split("://", 1)[1].split("/", 1)[0]


def index_build(source: ExportSource) -> ExportIndex:
    index = ExportIndex()
    site_candidates: list[str] = []
    for entry in source.entries():
        if entry.item is None:
            index.broken.append((entry.location, entry.error))
            continue
        item = entry.item
        uid = item_uid(item)
        kind = str(item.get("@type") or "")
        path = item_path(item)
        if not uid:
            index.broken.append((entry.location, f"{path}: the item has no UID"))
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
        index.by_path.setdefault(rel, node.uid)


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


def _side_files(source: ExportSource, index: ExportIndex) -> None:
    if source.format == PLONE:
        metadata = source.side("metadata") or {}
        for uid, position in (metadata.get("ordering") or {}).items():
            if isinstance(position, int):
                index.positions[uid] = position
        for uid, info in (metadata.get("default_page") or {}).items():
            if isinstance(info, dict) and info.get("default_page_uuid"):
                index.default_pages[uid] = info["default_page_uuid"]
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
                index.positions[row["uuid"]] = row["order"]
        for row in source.side("defaultpages") or []:
            if isinstance(row, dict) and row.get("uuid") and row.get("default_page_uuid"):
                index.default_pages[row["uuid"]] = row["default_page_uuid"]
        groups = [
            [uid for uid in group.values() if isinstance(uid, str)]
            for group in source.side("translations") or []
            if isinstance(group, dict)
        ]
    for folder, page in index.default_pages.items():
        index.default_of[page] = folder
    for members in groups:
        members = list(dict.fromkeys(members))
        if len(members) < 2:
            continue
        canonical = members[0]
        index.group_members[canonical] = members
        for uid in members:
            index.groups[uid] = canonical


def language_roots(index: ExportIndex) -> dict[str, str]:
    """Language root folders (LRF) by UID -> their language code."""
    return {
        node.uid: node.language or node.rel.strip("/").split("/", 1)[0]
        for node in index.nodes.values()
        if node.type == LANGUAGE_ROOT
    }


def ancestors(index: ExportIndex, uid: str) -> Iterable[Node]:
    seen = set()
    node = index.nodes.get(uid)
    while node is not None and node.parent and node.parent not in seen:
        seen.add(node.parent)
        node = index.nodes.get(node.parent)
        if node is not None:
            yield node

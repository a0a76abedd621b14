"""The two export formats behind one interface: items in order, side files, blobs."""

from __future__ import annotations

import base64
import binascii
import json
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ijson

from .stores import FolderStore, SingleFileStore, ZipStore

COLLECTIVE = "collective.exportimport"
PLONE = "plone.exportimport"

# Side files, by what they hold, in each format.
SIDE_FILES = {
    COLLECTIVE: {
        "translations": "export_translations.json",
        "redirects": "export_redirects.json",
        "defaultpages": "export_defaultpages.json",
        "ordering": "export_ordering.json",
        "relations": "export_relations.json",
        "members": "export_members.json",
    },
    PLONE: {
        "translations": "translations.json",
        "redirects": "redirects.json",
        "relations": "relations.json",
        "members": "principals.json",
        "metadata": "content/__metadata__.json",
    },
}
# collective.exportimport writes these beside the content; none of them is an item.
NOT_CONTENT = re.compile(r"(^|/)(export_[a-z_]+|[a-z_]*members|principals|errors)\.json$")
# With "Write out Errors to file", the items Plone failed to export, beside the content.
EXPORT_ERRORS = re.compile(r"(^|/)errors\.json$")


class SourceError(Exception):
    """The source cannot be read as a Plone export at all."""


class BlobMissing(Exception):
    """A file's bytes are not in the export (or cannot be decoded); the message says why."""


@dataclass(slots=True)
class Entry:
    """One item as read, or the reason it could not be read."""

    location: str
    item: dict | None
    error: str = ""


def _natural(name: str) -> list:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


class ExportSource:
    """An opened export: ``entries()`` streams its items, ``side()`` reads a side file."""

    def __init__(
        self,
        store,
        export_format: str,
        prefix: str,
        content: list[str],
        name: str,
        error_files: tuple[str, ...] = (),
    ):
        self.store = store
        self.format = export_format
        self.prefix = prefix
        self.content = content  # files holding items, in the order they are read
        self.name = name
        self.error_files = error_files

    def unexported(self) -> Iterator[tuple[str, str]]:
        """(path or URL, message) of each item Plone could not export, as its
        ``errors.json`` lists them: they are not in the export at all."""
        for name in self.error_files:
            with self.store.open(name) as handle:
                try:
                    rows = json.load(handle).get("unexported_paths") or []
                except (ValueError, UnicodeDecodeError, AttributeError):
                    yield name, "the export's error list cannot be read"
                    continue
            for row in rows:
                if isinstance(row, dict):
                    yield str(row.get("path") or name), str(row.get("message") or "")

    # --- Items ------------------------------------------------------------------------------

    def entries(self, locations: Iterable[str] | None = None) -> Iterator[Entry]:
        """Every item in source order; with ``locations``, only those, in that order where
        each is a file of its own."""
        if locations is None:
            for name in self.content:
                yield from self._read_file(name)
            return
        wanted = list(locations)
        per_list: dict[str, set[int]] = {}
        for location in wanted:
            name, _sep, index = location.partition("#")
            if index:
                per_list.setdefault(name, set()).add(int(index))
            else:
                yield from self._read_file(name)
        for name, indexes in per_list.items():
            yield from self._read_file(name, indexes)

    def _read_file(self, name: str, indexes: set[int] | None = None) -> Iterator[Entry]:
        try:
            handle = self.store.open(name)
        except (OSError, KeyError) as error:
            yield Entry(name, None, f"cannot be read: {error}")
            return
        with handle:
            # Both a folder's files and a ZIP's members can seek: peek, then read from 0.
            head = handle.read(64).lstrip()
            handle.seek(0)
            if head.startswith(b"["):
                yield from self._read_list(name, handle, indexes)
                return
            try:
                item = json.load(handle)
            except (ValueError, UnicodeDecodeError) as error:
                yield Entry(name, None, f"malformed JSON: {error}")
                return
        if not isinstance(item, dict):
            yield Entry(name, None, "not a JSON object")
            return
        yield Entry(name, item)

    def _read_list(self, name: str, handle, indexes: set[int] | None) -> Iterator[Entry]:
        index = -1
        try:
            for index, item in enumerate(ijson.items(handle, "item", use_float=True)):  # noqa: B007
                if indexes is not None and index not in indexes:
                    continue
                location = f"{name}#{index}"
                if not isinstance(item, dict):
                    yield Entry(location, None, "not a JSON object")
                    continue
                yield Entry(location, item)
                if indexes is not None and index >= max(indexes):
                    return
        except (ijson.JSONError, ValueError, UnicodeDecodeError) as error:
            yield Entry(f"{name}#{index + 1}", None, f"malformed JSON, reading stopped: {error}")

    # --- Side files -------------------------------------------------------------------------

    def side(self, key: str) -> Any:
        """A side file's content (small: translations, redirects, ordering…), or None."""
        filename = SIDE_FILES[self.format].get(key)
        if filename is None:
            return None
        name = f"{self.prefix}{filename}"
        if not self.store.exists(name):
            return None
        with self.store.open(name) as handle:
            try:
                return json.load(handle)
            except (ValueError, UnicodeDecodeError) as error:
                raise SourceError(f"{name}: malformed JSON: {error}") from error

    def side_items(self, key: str) -> Iterator[Any]:
        """The items of a side file that holds a JSON list, one at a time (a relations file
        has a row for every link between items: it is read as it streams)."""
        filename = SIDE_FILES[self.format].get(key)
        name = f"{self.prefix}{filename}" if filename else ""
        if not name or not self.store.exists(name):
            return
        with self.store.open(name) as handle:
            try:
                yield from ijson.items(handle, "item", use_float=True)
            except (ijson.JSONError, ValueError, UnicodeDecodeError) as error:
                raise SourceError(f"{name}: malformed JSON: {error}") from error

    # --- Blobs ------------------------------------------------------------------------------

    def blob(self, location: str, spec: dict) -> bytes:
        """The bytes of a file or image field as the export holds them."""
        if "data" in spec and spec.get("data") is not None:
            data = spec["data"]
            if spec.get("encoding", "base64") == "base64":
                try:
                    return base64.b64decode(data, validate=False)
                except (binascii.Error, ValueError) as error:
                    raise BlobMissing(f"cannot decode its base64 data: {error}") from error
            return data.encode("utf-8") if isinstance(data, str) else bytes(data)
        if spec.get("blob_path"):
            for name in self._blob_candidates(spec["blob_path"]):
                if self.store.exists(name):
                    with self.store.open(name) as handle:
                        return handle.read()
            raise BlobMissing(f"blob {spec['blob_path']} is not in the export")
        if spec.get("download"):
            raise BlobMissing(
                f"only a download URL ({spec['download']}), which cannot be fetched offline"
            )
        raise BlobMissing("no data in the export")

    def _blob_candidates(self, blob_path: str) -> list[str]:
        blob_path = blob_path.lstrip("/")
        if self.format == PLONE:
            return [f"{self.prefix}content/{blob_path}"]
        return [f"{self.prefix}{base}{blob_path}" for base in ("", "blobs/", "blobstorage/")]

    def close(self) -> None:
        self.store.close()


def _content_plone(store, names: list[str], prefix: str) -> list[str]:
    metadata = f"{prefix}content/__metadata__.json"
    if store.exists(metadata):
        with store.open(metadata) as handle:
            try:
                listed = json.load(handle).get("_data_files_") or []
            except (ValueError, AttributeError):
                listed = []
        if listed:
            return [f"{prefix}content/{name}" for name in listed]
    pattern = re.compile(re.escape(prefix) + r"content/[^/]+/data\.json$")
    return sorted((name for name in names if pattern.match(name)), key=_natural)


def _content_collective(names: list[str]) -> list[str]:
    return sorted(
        (name for name in names if name.endswith(".json") and not NOT_CONTENT.search(name)),
        key=_natural,
    )


def open_source(path: str | Path) -> ExportSource:
    """Open a folder, a ZIP or a single JSON file and tell which format it is."""
    path = Path(path)
    if not path.exists():
        raise SourceError(f"{path} does not exist.")
    if path.is_file() and zipfile.is_zipfile(path):
        store = ZipStore(path)
    elif path.is_file():
        store = SingleFileStore(path)
        return ExportSource(store, COLLECTIVE, "", [store.file], path.name)
    else:
        store = FolderStore(path)
    names = list(store.names())
    for name in names:
        if name.endswith("content/__metadata__.json") or re.search(
            r"content/[^/]+/data\.json$", name
        ):
            prefix = name[: name.index("content/")]
            return ExportSource(
                store, PLONE, prefix, _content_plone(store, names, prefix), path.name
            )
    content = _content_collective(names)
    if not content:
        store.close()
        raise SourceError(f"{path} holds no Plone export: no item files were found.")
    # Side files sit beside the content (or in the folder the ZIP unpacks to).
    prefix = ""
    first_side = next((n for n in names if NOT_CONTENT.search(n) and "/" in n), "")
    if first_side and all("/" in n for n in content):
        prefix = first_side.rsplit("/", 1)[0] + "/"
    errors = tuple(name for name in names if EXPORT_ERRORS.search(name))
    return ExportSource(store, COLLECTIVE, prefix, content, path.name, errors)

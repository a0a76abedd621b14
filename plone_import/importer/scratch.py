"""What a run keeps about every item, on disk rather than in memory.

An export of 10,000 items has 10,000 index entries, UID mappings and "seen" marks; held in
Python dicts and sets they grow with the export. They live instead in a private, temporary
SQLite database (the standard library's ``sqlite3``, not the site's database): SQLite keeps
a page cache of a fixed size and writes the rest to a temporary file that is gone when the
run ends. So the memory of a run stays flat with the size of the export.

``ScratchMap`` and ``ScratchSet`` give the usual dict and set operations the importer uses;
values are JSON.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator

CACHE_KIB = 2048  # SQLite's page cache, the most this database holds in memory
BATCH = 500


class Scratch:
    """A private temporary SQLite database (an empty file name: SQLite removes it on close)."""

    def __init__(self):
        self.db = sqlite3.connect("", isolation_level=None, check_same_thread=False)
        self.db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        self.db.execute("PRAGMA journal_mode = OFF")
        self.db.execute("PRAGMA synchronous = OFF")
        self.db.execute("PRAGMA temp_store = FILE")
        self._names = 0

    def table(self, columns: str) -> str:
        """A new table with ``columns`` (SQL); returns its name."""
        self._names += 1
        name = f"t{self._names}"
        self.db.execute(f"CREATE TABLE {name} ({columns})")
        return name

    def close(self) -> None:
        self.db.close()


class ScratchMap:
    """A dict of str keys and JSON values, kept in a ``Scratch`` database; insertion order
    is kept for iteration."""

    def __init__(self, scratch: Scratch):
        self.db = scratch.db
        self.name = scratch.table("k TEXT PRIMARY KEY, v TEXT NOT NULL")

    def __setitem__(self, key: str, value) -> None:
        # An update keeps the row, so the key keeps its place in the order, as in a dict.
        self.db.execute(
            f"INSERT INTO {self.name} (k, v) VALUES (?, ?) ON CONFLICT(k) DO UPDATE SET v = "  # noqa: S608  # nosec B608
            "excluded.v",
            (key, json.dumps(value)),
        )

    def __getitem__(self, key: str):
        row = self.db.execute(f"SELECT v FROM {self.name} WHERE k = ?", (key,)).fetchone()  # noqa: S608  # nosec B608
        if row is None:
            raise KeyError(key)
        value = json.loads(row[0])
        return tuple(value) if isinstance(value, list) else value

    def get(self, key, default=None):
        if not isinstance(key, str):
            return default
        try:
            return self[key]
        except KeyError:
            return default

    def setdefault(self, key: str, value):
        self.db.execute(
            f"INSERT OR IGNORE INTO {self.name} (k, v) VALUES (?, ?)",  # noqa: S608  # nosec B608
            (key, json.dumps(value)),
        )
        return self[key]

    def __contains__(self, key) -> bool:
        return (
            isinstance(key, str)
            and self.db.execute(f"SELECT 1 FROM {self.name} WHERE k = ?", (key,)).fetchone()  # noqa: S608  # nosec B608
            is not None
        )

    def __len__(self) -> int:
        return self.db.execute(f"SELECT count(*) FROM {self.name}").fetchone()[0]  # noqa: S608  # nosec B608

    def __bool__(self) -> bool:
        return self.db.execute(f"SELECT 1 FROM {self.name} LIMIT 1").fetchone() is not None  # noqa: S608  # nosec B608

    def items(self) -> Iterator[tuple[str, object]]:
        """In insertion order, read in batches: the table may change while it is read."""
        last = 0
        while True:
            rows = self.db.execute(
                f"SELECT rowid, k, v FROM {self.name} WHERE rowid > ? ORDER BY rowid LIMIT ?",  # noqa: S608  # nosec B608
                (last, BATCH),
            ).fetchall()
            if not rows:
                return
            for rowid, key, value in rows:
                last = rowid
                value = json.loads(value)
                yield key, tuple(value) if isinstance(value, list) else value

    def keys(self) -> Iterator[str]:
        for key, _value in self.items():
            yield key

    __iter__ = keys

    def values(self) -> Iterator[object]:
        for _key, value in self.items():
            yield value


class ScratchSet:
    """A set of str, kept in a ``Scratch`` database."""

    def __init__(self, scratch: Scratch):
        self.db = scratch.db
        self.name = scratch.table("k TEXT PRIMARY KEY")

    def add(self, key: str) -> None:
        self.db.execute(f"INSERT OR IGNORE INTO {self.name} (k) VALUES (?)", (key,))  # noqa: S608  # nosec B608

    def __contains__(self, key) -> bool:
        return (
            isinstance(key, str)
            and self.db.execute(f"SELECT 1 FROM {self.name} WHERE k = ?", (key,)).fetchone()  # noqa: S608  # nosec B608
            is not None
        )

    def __len__(self) -> int:
        return self.db.execute(f"SELECT count(*) FROM {self.name}").fetchone()[0]  # noqa: S608  # nosec B608

    def __bool__(self) -> bool:
        return self.db.execute(f"SELECT 1 FROM {self.name} LIMIT 1").fetchone() is not None  # noqa: S608  # nosec B608

    def __iter__(self) -> Iterator[str]:
        last = 0
        while True:
            rows = self.db.execute(
                f"SELECT rowid, k FROM {self.name} WHERE rowid > ? ORDER BY rowid LIMIT ?",  # noqa: S608  # nosec B608
                (last, BATCH),
            ).fetchall()
            if not rows:
                return
            for rowid, key in rows:
                last = rowid
                yield key


class ScratchList:
    """A list of JSON values, kept in a ``Scratch`` database, in the order appended; with
    ``unique``, a value already there is not added again (found by the index, not by reading
    the list)."""

    def __init__(self, scratch: Scratch, *, unique: bool = False):
        self.db = scratch.db
        self.name = scratch.table("v TEXT NOT NULL UNIQUE" if unique else "v TEXT NOT NULL")

    def append(self, value) -> None:
        self.db.execute(
            f"INSERT OR IGNORE INTO {self.name} (v) VALUES (?)",  # noqa: S608  # nosec B608
            (json.dumps(value),),
        )

    def __len__(self) -> int:
        return self.db.execute(f"SELECT count(*) FROM {self.name}").fetchone()[0]  # noqa: S608  # nosec B608

    def __bool__(self) -> bool:
        return self.db.execute(f"SELECT 1 FROM {self.name} LIMIT 1").fetchone() is not None  # noqa: S608  # nosec B608

    def __iter__(self) -> Iterator:
        last = 0
        while True:
            rows = self.db.execute(
                f"SELECT rowid, v FROM {self.name} WHERE rowid > ? ORDER BY rowid LIMIT ?",  # noqa: S608  # nosec B608
                (last, BATCH),
            ).fetchall()
            if not rows:
                return
            for rowid, value in rows:
                last = rowid
                yield json.loads(value)

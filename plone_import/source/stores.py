"""Files of an export, in a folder or a ZIP, read one at a time by their relative name."""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO


class FolderStore:
    def __init__(self, root: Path):
        self.root = root

    def names(self) -> Iterator[str]:
        for directory, _dirs, files in os.walk(self.root):
            base = Path(directory)
            for name in files:
                yield (base / name).relative_to(self.root).as_posix()

    def exists(self, name: str) -> bool:
        path = self._path(name)
        return path is not None and path.is_file()

    def open(self, name: str) -> IO[bytes]:
        path = self._path(name)
        if path is None:
            raise FileNotFoundError(name)
        return path.open("rb")

    def _path(self, name: str) -> Path | None:
        # A blob path comes from the export: it may not leave the export's folder.
        path = (self.root / name).resolve()
        if not path.is_relative_to(self.root.resolve()):
            return None
        return path

    def close(self) -> None:
        pass


class ZipStore:
    def __init__(self, path: Path):
        self.zip = zipfile.ZipFile(path)
        self._names = {info.filename for info in self.zip.infolist() if not info.is_dir()}

    def names(self) -> Iterator[str]:
        yield from sorted(self._names)

    def exists(self, name: str) -> bool:
        return name in self._names

    def open(self, name: str) -> IO[bytes]:
        if name not in self._names:
            raise FileNotFoundError(name)
        return self.zip.open(name)

    def close(self) -> None:
        self.zip.close()


class SingleFileStore(FolderStore):
    """A single JSON list: its folder holds the side files and blobs, if any."""

    def __init__(self, path: Path):
        super().__init__(path.parent)
        self.file = path.name

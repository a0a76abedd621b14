"""Deciding what an uploaded file is from its bytes, and cleaning the name it came with.

The client's file name and content type are claims; the first bytes of the file are
evidence. A file is accepted only when its content is one of the kinds the field allows
*and* its extension agrees with that content, so an executable renamed ``.pdf`` and a PDF
renamed ``.docx`` are both refused. Everything here reads in chunks: uploads over
``FILE_UPLOAD_MAX_MEMORY_SIZE`` live in temporary files and are never loaded whole.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
import zipfile
from dataclasses import dataclass

import olefile
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .scan import upload_scan


class FileKind(models.TextChoices):
    PDF = "pdf", _("PDF")
    DOCX = "docx", _("Word (.docx)")
    DOC = "doc", _("Word 97-2003 (.doc)")
    ODT = "odt", _("OpenDocument text (.odt)")


ALL_KINDS: tuple[str, ...] = tuple(FileKind.values)
EXTENSIONS: dict[str, tuple[str, ...]] = {
    FileKind.PDF: (".pdf",),
    FileKind.DOCX: (".docx",),
    FileKind.DOC: (".doc",),
    FileKind.ODT: (".odt",),
}
CONTENT_TYPES: dict[str, str] = {
    FileKind.PDF: "application/pdf",
    FileKind.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    FileKind.DOC: "application/msword",
    FileKind.ODT: "application/vnd.oasis.opendocument.text",
}
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# A Word 97-2003 document's "WordDocument" stream opens with its File Information Block,
# whose first field (wIdent) is 0xA5EC, stored little-endian.
WORD_FIB_IDENT = b"\xec\xa5"
CHUNK_SIZE = 64 * 1024


@dataclass(frozen=True)
class CheckedFile:
    """What validation learnt about an upload; stored next to it."""

    kind: str
    size: int
    sha256: str
    original_name: str
    scan_status: str = "off"


def clean_file_name(name: str, *, max_length: int = 120) -> str:
    """The base name only, in safe characters: no directories, no control characters.

    Browsers and multipart parsers disagree on whether a path may come along
    (``..\\..\\x.pdf``, ``../../x.pdf``); both separators are treated as such.
    """
    base = re.split(r"[\\/]", name or "")[-1]
    base = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode("ascii")
    base = re.sub(r"[^A-Za-z0-9._ -]+", "_", base).strip(" ._")
    stem, ext = os.path.splitext(base)
    stem = stem[: max(1, max_length - len(ext))]
    return f"{stem}{ext.lower()}" if stem else f"file{ext.lower()}"


def _read_head(upload, size: int) -> bytes:
    upload.seek(0)
    head = upload.read(size)
    upload.seek(0)
    return head


def _zip_kind(upload) -> str | None:
    """DOCX or ODT, or None for any other (or broken) zip archive."""
    upload.seek(0)
    try:
        # zipfile seeks to the central directory; it does not load the archive.
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                with archive.open("mimetype") as member:
                    if member.read(len(ODT_MIMETYPE) + 1) == ODT_MIMETYPE:
                        return FileKind.ODT
            if "[Content_Types].xml" in names and "word/document.xml" in names:
                return FileKind.DOCX
    except (zipfile.BadZipFile, OSError, EOFError, KeyError, ValueError):
        raise ValidationError(
            _("The file could not be read; it may be damaged."), code="unreadable"
        ) from None
    finally:
        upload.seek(0)
    return None


def _ole_kind(upload) -> str | None:
    """DOC for a compound file holding a Word document, None for any other (Excel, MSI...).

    The OLE2 signature is shared by every compound file; only its directory says what it
    holds. olefile reads the header, allocation table and directory, not the streams.
    """
    upload.seek(0)
    try:
        ole = olefile.OleFileIO(upload)
        try:
            if not ole.exists("WordDocument"):
                return None
            with ole.openstream("WordDocument") as stream:
                return FileKind.DOC if stream.read(2) == WORD_FIB_IDENT else None
        finally:
            ole.close()
    except Exception:
        # olefile raises a variety of errors (OSError, struct.error, IndexError, ...) on a
        # damaged directory; any of them means the file cannot be trusted to be what it says.
        raise ValidationError(
            _("The file could not be read; it may be damaged."), code="unreadable"
        ) from None
    finally:
        upload.seek(0)


def _pdf_is_complete(upload, size: int) -> bool:
    """A PDF ends with ``%%EOF`` (possibly followed by line ends); a cut-off one does not."""
    upload.seek(max(0, size - 1024))
    tail = upload.read(1024)
    upload.seek(0)
    return b"%%EOF" in tail


def detect_kind(upload, *, size: int) -> str | None:
    """The kind of the file judging by its content alone, or None when it is none of ours."""
    head = _read_head(upload, 8)
    if head.startswith(b"%PDF-"):
        if not _pdf_is_complete(upload, size):
            raise ValidationError(
                _("The file could not be read; it may be damaged."), code="unreadable"
            )
        return FileKind.PDF
    if head.startswith(OLE2_MAGIC):
        return _ole_kind(upload)
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(upload)
    return None


def sha256_of(upload) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks(CHUNK_SIZE):
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def kinds_label(kinds) -> str:
    return ", ".join(str(FileKind(kind).label) for kind in kinds)


def check_upload(
    upload, *, kinds, max_size: int, form_id: int | None = None, field_key: str = ""
) -> CheckedFile:
    """Validate an uploaded file against a field's rules, or raise ``ValidationError``.

    The virus scan (when configured) comes before the content is parsed here: zip and
    compound-file readers never see a file clamd flagged. ``form_id`` and ``field_key`` only
    name the upload in the log.
    """
    size = upload.size
    if size is None:
        upload.seek(0, os.SEEK_END)
        size = upload.tell()
        upload.seek(0)
    if size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if size > max_size:
        raise ValidationError(
            _("The file is larger than %(limit)s MB.") % {"limit": _megabytes(max_size)},
            code="too_large",
        )
    scan_status = upload_scan(upload, form_id=form_id, field_key=field_key)
    try:
        kind = detect_kind(upload, size=size)
    except OSError:
        raise ValidationError(
            _("The file could not be read; it may be damaged."), code="unreadable"
        ) from None
    if kind is None or kind not in kinds:
        raise ValidationError(
            _("This file type is not accepted. Accepted: %(kinds)s.")
            % {"kinds": kinds_label(kinds)},
            code="kind",
        )
    original_name = clean_file_name(upload.name or "")
    if os.path.splitext(original_name)[1].lower() not in EXTENSIONS[kind]:
        raise ValidationError(
            _("The file name's extension does not match its content (%(kind)s).")
            % {"kind": FileKind(kind).label},
            code="mislabelled",
        )
    return CheckedFile(
        kind=kind,
        size=size,
        sha256=sha256_of(upload),
        original_name=original_name,
        scan_status=scan_status,
    )


def _megabytes(size: int) -> str:
    value = size / (1024 * 1024)
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}"

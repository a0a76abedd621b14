"""Small, real files of each accepted kind (and some that must be refused), built in memory."""

import io
import struct
import zipfile

from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile

MB = 1024 * 1024


def pdf_bytes(size: int | None = None) -> bytes:
    head = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n"
    tail = b"\n%%EOF\n"
    if size is None:
        return head + tail
    return head + b"0" * (size - len(head) - len(tail)) + tail


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def odt_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
FREE, END_OF_CHAIN, FAT_SECTOR, NO_STREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def _directory_entry(name: str, kind: int, *, child: int, start: int, size: int) -> bytes:
    encoded = (name + "\0").encode("utf-16-le") if name else b""
    return (
        encoded.ljust(64, b"\0")
        + struct.pack("<HBB", len(encoded), kind, 1)
        + struct.pack("<III", NO_STREAM, NO_STREAM, child)
        + b"\0" * 36
        + struct.pack("<IQ", start, size)
    )


def compound_file(stream_name: str, content: bytes) -> bytes:
    """A minimal OLE2 compound file (version 3) holding one stream of at least 4096 bytes.

    Layout: header, one allocation-table sector, one directory sector, then the stream in
    regular sectors (4096 bytes and up keeps it out of the mini stream).
    """
    content = content.ljust(4096, b"\0")
    sectors = -(-len(content) // 512)
    header = (
        OLE2_MAGIC
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack("<IIII", 0, 1, 1, 0)
        + struct.pack("<IIIII", 4096, END_OF_CHAIN, 0, END_OF_CHAIN, 0)
        + struct.pack("<I", 0)
        + struct.pack("<I", FREE) * 108
    )
    chain = [FAT_SECTOR, END_OF_CHAIN] + [2 + i + 1 for i in range(sectors - 1)] + [END_OF_CHAIN]
    fat = struct.pack(f"<{len(chain)}I", *chain) + struct.pack("<I", FREE) * (128 - len(chain))
    directory = (
        _directory_entry("Root Entry", 5, child=1, start=END_OF_CHAIN, size=0)
        + _directory_entry(stream_name, 2, child=NO_STREAM, start=2, size=len(content))
        + _directory_entry("", 0, child=NO_STREAM, start=0, size=0) * 2
    )
    return header + fat + directory + content.ljust(sectors * 512, b"\0")


def doc_bytes() -> bytes:
    """A Word 97-2003 document's shell: its File Information Block starts 0xA5EC."""
    return compound_file("WordDocument", b"\xec\xa5\xc1\x00")


def xls_bytes() -> bytes:
    """An Excel 97-2003 workbook's shell: the same container, a "Workbook" stream."""
    return compound_file("Workbook", b"\x09\x08\x10\x00")


def exe_bytes() -> bytes:
    return b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 120 + b"This program cannot be run in DOS mode"


def upload(name: str, content: bytes, content_type: str = "application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def private_files() -> set[str]:
    """Every file name in the private storage: proof that a refused upload stored nothing."""
    storage = storages["private"]
    found = []

    def walk(path):
        try:
            dirs, files = storage.listdir(path)
        except FileNotFoundError:
            return
        found.extend(f"{path}/{name}" for name in files)
        for directory in dirs:
            walk(f"{path}/{directory}".lstrip("/"))

    walk("")
    return set(found)

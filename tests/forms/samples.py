"""Small, real files of each accepted kind (and some that must be refused), built in memory."""

import io
import zipfile

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


def doc_bytes() -> bytes:
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def exe_bytes() -> bytes:
    return b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 120 + b"This program cannot be run in DOS mode"


def upload(name: str, content: bytes, content_type: str = "application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)

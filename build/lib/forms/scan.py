"""Virus scanning of uploads through clamd, before anything is stored.

The file is streamed to clamd with its ``INSTREAM`` command, straight from Django's upload
(in memory, or the private temporary file Django made for a large upload): no copy is
written anywhere clamd or anyone else could read it. The protocol is small enough to speak
here: ``zINSTREAM\\0``, then chunks each prefixed with their length as a 4-byte big-endian
integer, then a zero length; clamd answers ``stream: OK`` or ``stream: <name> FOUND``.

Scanning is on when ``CLAMAV_SOCKET`` or ``CLAMAV_HOST`` is set. When clamd does not answer,
:class:`ScannerUnavailable` is raised (the submission is refused with 503), unless
``CLAMAV_REQUIRED`` is off: then the file is accepted and marked "not scanned".
"""

from __future__ import annotations

import logging
import socket
import struct
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from . import conf

logger = logging.getLogger(__name__)

CHUNK_SIZE = 64 * 1024


class ScanStatus(models.TextChoices):
    CLEAN = "clean", _("scanned, nothing found")
    NOT_SCANNED = "not_scanned", _("not scanned: the virus scanner did not answer")
    OFF = "off", _("not scanned: no virus scanner configured")


SCANNER_UNAVAILABLE = _(
    "Uploaded files cannot be checked for viruses right now, so nothing was accepted or "
    "stored. Please try again later."
)


class ScannerUnavailable(Exception):
    """clamd is configured and required, and did not answer; nothing may be accepted."""


class ScannerError(Exception):
    """clamd could not be reached or gave an answer that is not a verdict."""


@dataclass(frozen=True)
class Verdict:
    clean: bool
    signature: str = ""


def _connect(config: conf.ClamAV) -> socket.socket:
    if config.socket:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        address = config.socket
    else:
        sock = socket.socket(socket.AF_INET6 if ":" in config.host else socket.AF_INET)
        address = (config.host, config.port)
    sock.settimeout(config.timeout)
    try:
        sock.connect(address)
    except BaseException:
        sock.close()
        raise
    return sock


def _receive(sock: socket.socket) -> bytes:
    reply = b""
    while not reply.endswith(b"\0"):
        part = sock.recv(4096)
        if not part:
            break
        reply += part
    return reply.rstrip(b"\0").strip()


def instream(upload, config: conf.ClamAV) -> Verdict:
    """Stream ``upload`` to clamd and return its verdict, or raise :class:`ScannerError`."""
    try:
        with _connect(config) as sock:
            sock.sendall(b"zINSTREAM\0")
            upload.seek(0)
            for chunk in upload.chunks(CHUNK_SIZE):
                sock.sendall(struct.pack("!L", len(chunk)) + chunk)
            sock.sendall(struct.pack("!L", 0))
            reply = _receive(sock)
    except OSError as error:
        raise ScannerError(f"clamd did not answer: {error.__class__.__name__}") from None
    finally:
        upload.seek(0)
    text = reply.decode("utf-8", "replace")
    # "stream: OK", "stream: Eicar-Test-Signature FOUND", "INSTREAM size limit exceeded. ERROR"
    if text.endswith(" FOUND"):
        return Verdict(clean=False, signature=text.removeprefix("stream:").strip()[:-6].strip())
    if text == "stream: OK":
        return Verdict(clean=True)
    raise ScannerError(f"clamd gave no verdict: {text[:80]!r}")


def upload_scan(upload, *, form_id: int | None = None, field_key: str = "") -> str:
    """Scan an upload when a scanner is configured; return its :class:`ScanStatus`.

    Raises ``ValidationError`` (code ``infected``) for a flagged file and
    :class:`ScannerUnavailable` when clamd is required and does not answer. The log names
    the form, the field and the signature, never the file's name or the sender's address.
    """
    config = conf.clamav()
    if config is None:
        return ScanStatus.OFF
    try:
        verdict = instream(upload, config)
    except ScannerError as error:
        if config.required:
            logger.error("Upload refused, form %s field %s: %s", form_id, field_key, error)
            raise ScannerUnavailable(str(error)) from None
        logger.warning("Upload accepted unscanned, form %s field %s: %s", form_id, field_key, error)
        return ScanStatus.NOT_SCANNED
    if not verdict.clean:
        logger.warning(
            "Upload refused, form %s field %s: virus scanner found %s",
            form_id,
            field_key,
            verdict.signature,
        )
        raise ValidationError(
            _("This file contains a virus or other malware and was refused. Nothing was stored."),
            code="infected",
        )
    return ScanStatus.CLEAN

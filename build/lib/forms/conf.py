"""The forms app's settings, each with a default; read them here, nowhere else."""

from dataclasses import dataclass

from django.conf import settings


def get(name: str, default):
    return getattr(settings, f"FORMS_{name}", default)


def request_max_body_size() -> int:
    """The project-wide cap on a request body in bytes (0: none); no upload can exceed it."""
    return getattr(settings, "REQUEST_MAX_BODY_SIZE", 0)


@dataclass(frozen=True)
class ClamAV:
    """Where clamd listens and what to do when it does not answer."""

    socket: str
    host: str
    port: int
    timeout: float
    required: bool


def clamav() -> ClamAV | None:
    """clamd's address from ``CLAMAV_SOCKET`` or ``CLAMAV_HOST``/``CLAMAV_PORT``; None: no scan."""
    path = getattr(settings, "CLAMAV_SOCKET", "")
    host = getattr(settings, "CLAMAV_HOST", "")
    if not path and not host:
        return None
    return ClamAV(
        socket=path,
        host=host,
        port=int(getattr(settings, "CLAMAV_PORT", 3310)),
        timeout=float(getattr(settings, "CLAMAV_TIMEOUT", 30)),
        required=bool(getattr(settings, "CLAMAV_REQUIRED", True)),
    )

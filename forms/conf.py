"""The forms app's settings, each with a default; read them here, nowhere else."""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def get(name: str, default):
    return getattr(settings, f"FORMS_{name}", default)


def rate_limit() -> str:
    """Form submissions per client address (``FORMS_RATE_LIMIT``, as ``10/m``)."""
    return get("RATE_LIMIT", "10/m")


def rate_limit_cache() -> str:
    """The cache that counts submissions (``FORMS_RATE_LIMIT_CACHE``)."""
    return get("RATE_LIMIT_CACHE", "default")


def cache_alias() -> str:
    """The cache that keeps built form classes and field lists (``FORMS_CACHE``)."""
    return get("CACHE", "default")


def singleline_max_length() -> int:
    """The longest answer a one-line field takes (characters)."""
    return int(get("SINGLELINE_MAX_LENGTH", 255))


def multiline_max_length() -> int:
    """The longest answer a multi-line field takes (characters)."""
    return int(get("MULTILINE_MAX_LENGTH", 5000))


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


CAPTCHA_VERSIONS = ("v2", "v3")
DEFAULT_V3_SCORE = 0.5


@dataclass(frozen=True)
class CaptchaConfig:
    public_key: str
    private_key: str
    version: str
    required_score: float | None


def captcha() -> CaptchaConfig | None:
    """reCAPTCHA from django-recaptcha's ``RECAPTCHA_*`` settings; None when no keys are set
    (development)."""
    public_key = getattr(settings, "RECAPTCHA_PUBLIC_KEY", "")
    private_key = getattr(settings, "RECAPTCHA_PRIVATE_KEY", "")
    if not (public_key and private_key):
        return None
    version = getattr(settings, "RECAPTCHA_VERSION", "v2") or "v2"
    if version not in CAPTCHA_VERSIONS:
        raise ImproperlyConfigured(
            f"RECAPTCHA_VERSION must be one of {CAPTCHA_VERSIONS}, not {version!r}."
        )
    score = None
    if version == "v3":
        score = float(getattr(settings, "RECAPTCHA_REQUIRED_SCORE", 0) or DEFAULT_V3_SCORE)
        if not 0 < score <= 1:
            raise ImproperlyConfigured("RECAPTCHA_REQUIRED_SCORE must be above 0 and at most 1.")
    return CaptchaConfig(public_key, private_key, version, score)

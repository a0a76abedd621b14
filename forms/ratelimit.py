"""Per-client rate limits for public form submissions.

A fixed-window counter per client address and scope in the shared Django cache (Redis when
``REDIS_URL`` is set, so every worker and every server counts together). ``cache.add`` starts
the window and ``cache.incr`` counts atomically, so concurrent requests cannot both slip
under the limit.

The client address is ``REMOTE_ADDR`` unless ``TRUSTED_PROXY_COUNT`` says reverse proxies
sit in front of the app; then it is the ``X-Forwarded-For`` entry the outermost trusted proxy
appended. Entries left of it were written by the client and are never trusted.
"""

import ipaddress
import logging
import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from . import conf

logger = logging.getLogger(__name__)

DEFAULT_RATE = "10/m"
PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
MESSAGE = _("Too many submissions from your address. Please wait a moment and try again.")
_RATE_RE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])\w*\s*$")


@dataclass(frozen=True)
class Rate:
    limit: int
    period: int  # seconds


def parse_rate(value: str) -> Rate | None:
    """``"5/m"``, ``"100/h"``, ``"20/10m"`` -> Rate; ``""`` or ``"0"`` -> None (no limit)."""
    if not value or value.strip() in {"0", "off", "none"}:
        return None
    match = _RATE_RE.match(value)
    if not match:
        raise ImproperlyConfigured(
            f"FORMS_RATE_LIMIT must look like '5/m' or '100/h', not {value!r}."
        )
    count, multiplier, unit = match.groups()
    return Rate(limit=int(count), period=int(multiplier or 1) * PERIODS[unit])


def current_rate() -> Rate | None:
    return parse_rate(conf.get("RATE_LIMIT", DEFAULT_RATE))


def client_ip(request: HttpRequest) -> str:
    """The client's address, taking X-Forwarded-For only from the trusted proxies."""
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0)
    if trusted <= 0:
        return remote
    forwarded = [
        entry.strip()
        for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if entry.strip()
    ]
    # Each trusted proxy appends the address it was reached from, so the last ``trusted``
    # entries are theirs and the first of those is the client as the outermost proxy saw it.
    # Fewer entries than proxies means the request did not come through them all.
    if len(forwarded) < trusted:
        return remote
    candidate = forwarded[-trusted]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def _bucket(address: str) -> str:
    """IPv6 clients usually get a whole /64; count them by it, not by one of its addresses."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address or "unknown"
    if ip.version == 6:
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False).network_address) + "/64"
    return str(ip)


def _window(rate: Rate, now: float) -> int:
    return int(now // rate.period)


def retry_after(*, now: float | None = None) -> int:
    """Seconds until the current window ends (for the ``Retry-After`` header)."""
    rate = current_rate()
    if rate is None:
        return 0
    now = time.time() if now is None else now
    return max(1, int((_window(rate, now) + 1) * rate.period - now + 0.999))


def rate_limited(request: HttpRequest, *, scope: str) -> bool:
    """Count this request against the client's budget for ``scope``; True when over it."""
    rate = current_rate()
    if rate is None:
        return False
    cache = caches[conf.get("RATE_LIMIT_CACHE", "default")]
    window = _window(rate, time.time())
    key = f"forms:ratelimit:{scope}:{_bucket(client_ip(request))}:{rate.period}:{window}"
    try:
        # The key outlives its window a little so a slow clock never restarts a window early.
        cache.add(key, 0, timeout=rate.period + 1)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=rate.period + 1)
            count = 1
    except Exception:
        # A cache outage must not take the forms down with it; say so loudly and let it pass.
        logger.exception("Rate limit cache unavailable; request for %s not counted", scope)
        return False
    return count > rate.limit

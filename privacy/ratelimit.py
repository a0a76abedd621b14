"""Per-client rate limits for public forms: the mechanism every app's public forms share.

A fixed-window counter per client address and scope in a Django cache (Redis when
``REDIS_URL`` is set, so every worker and every server counts together). ``cache.add`` starts
the window and ``cache.incr`` counts atomically, so concurrent requests cannot both slip
under the limit. While that cache does not answer, each process counts in its own memory:
forms stay open, and the limit still holds per process.

The client address is ``REMOTE_ADDR`` unless ``TRUSTED_PROXY_COUNT`` says reverse proxies
sit in front of the app; then it is the ``X-Forwarded-For`` entry the outermost trusted proxy
appended. Entries left of it were written by the client and are never trusted. An IPv6
client usually holds a whole /64 and is counted by it.

Privacy's own public forms (newsletter sign-up, data-subject requests) are limited by
``PRIVACY_RATE_LIMIT``; other apps pass their own :class:`Rate`.
"""

from __future__ import annotations

import ipaddress
import logging
import re
import time
from dataclasses import dataclass

from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest

from . import conf

logger = logging.getLogger(__name__)

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_RATE_RE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])\w*\s*$")


@dataclass(frozen=True)
class Rate:
    limit: int
    period: int  # seconds

    def window(self, now: float) -> int:
        return int(now // self.period)

    def retry_after(self, now: float | None = None) -> int:
        """Seconds until the current window ends (for the ``Retry-After`` header)."""
        now = time.time() if now is None else now
        return max(1, int((self.window(now) + 1) * self.period - now + 0.999))


def parse_rate(value: str, *, setting: str = "the rate limit") -> Rate | None:
    """``"5/m"``, ``"100/h"``, ``"20/10m"`` -> Rate; ``""`` or ``"0"`` -> None (no limit)."""
    if not value or value.strip() in {"0", "off", "none"}:
        return None
    match = _RATE_RE.match(value)
    if not match:
        raise ImproperlyConfigured(f"{setting} must look like '5/m' or '100/h', not {value!r}.")
    count, multiplier, unit = match.groups()
    return Rate(limit=int(count), period=int(multiplier or 1) * PERIODS[unit])


def client_ip(request: HttpRequest) -> str:
    """The client's address, taking X-Forwarded-For only from the trusted proxies."""
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = conf.trusted_proxy_count()
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
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address or "unknown"
    if ip.version == 6:
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False).network_address) + "/64"
    return str(ip)


def over_limit(
    request: HttpRequest, *, scope: str, rate: Rate | None, cache_alias: str = "default"
) -> bool:
    """Count this request against the client's budget for ``scope``; True when over it."""
    if rate is None:
        return False
    cache = caches[cache_alias]
    key = (
        f"ratelimit:{scope}:{_bucket(client_ip(request))}:{rate.period}:{rate.window(time.time())}"
    )
    try:
        # The key outlives its window a little so a slow clock never restarts a window early.
        cache.add(key, 0, timeout=rate.period + 1)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=rate.period + 1)
            count = 1
    except Exception:
        # A cache outage must not take the forms down with it, nor lift the limit: until the
        # shared cache answers, each process counts in its own memory (a client gets at most
        # the limit times the number of processes). Said loudly, once per request.
        logger.exception("Rate limit cache unavailable; %s counted in this process only", scope)
        count = _count_here(key, rate)
    return count > rate.limit


# The counts of this process alone, while the shared cache does not answer.
_local_counts = LocMemCache("privacy-ratelimit-fallback", {"OPTIONS": {"MAX_ENTRIES": 10_000}})


def _count_here(key: str, rate: Rate) -> int:
    _local_counts.add(key, 0, timeout=rate.period + 1)
    try:
        return _local_counts.incr(key)
    except ValueError:  # expired between add and incr
        _local_counts.add(key, 1, timeout=rate.period + 1)
        return 1


def privacy_rate() -> Rate | None:
    return parse_rate(conf.rate_limit(), setting="PRIVACY_RATE_LIMIT")


def rate_limited(request: HttpRequest, *, scope: str) -> bool:
    """Privacy's own public forms: ``PRIVACY_RATE_LIMIT`` (default ``"5/m"``) per client."""
    return over_limit(request, scope=f"privacy:{scope}", rate=privacy_rate())


def retry_after() -> int:
    """Seconds until privacy's current window ends (for the ``Retry-After`` header)."""
    rate = privacy_rate()
    return 0 if rate is None else rate.retry_after()

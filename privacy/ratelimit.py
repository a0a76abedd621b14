"""A small per-client rate limit for privacy's public forms (sign-up, requests).

A fixed-window counter in the shared Django cache, the same scheme the form builders use;
privacy keeps its own because apps that build on privacy may not be imported by it.
"""

from __future__ import annotations

import ipaddress
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from . import conf

logger = logging.getLogger(__name__)


def client_address(request: HttpRequest) -> str:
    """``REMOTE_ADDR``, or the ``X-Forwarded-For`` entry the outermost trusted proxy added.

    An IPv6 client usually holds a whole /64, so it is counted by that network.
    """
    address = request.META.get("REMOTE_ADDR", "")
    trusted = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0)
    forwarded = [
        entry.strip()
        for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if entry.strip()
    ]
    if trusted > 0 and len(forwarded) >= trusted:
        address = forwarded[-trusted]
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return request.META.get("REMOTE_ADDR", "") or "unknown"
    if ip.version == 6 and not ip.ipv4_mapped:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip.ipv4_mapped or ip) if ip.version == 6 else str(ip)


def rate_limited(request: HttpRequest, *, scope: str) -> bool:
    """Count this request for ``scope``; True when the client is over the limit.

    ``PRIVACY_RATE_LIMIT`` is ``(count, seconds)``, default 5 per minute; ``None`` turns it off.
    """
    rate = conf.get("RATE_LIMIT", (5, 60))
    if not rate:
        return False
    limit, period = rate
    window = int(time.time() // period)
    key = f"privacy:ratelimit:{scope}:{client_address(request)}:{period}:{window}"
    try:
        cache.add(key, 0, timeout=period + 1)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=period + 1)
            count = 1
    except Exception:
        logger.exception("Rate limit cache unavailable; %s not counted", scope)
        return False
    return count > limit

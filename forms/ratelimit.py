"""Per-client rate limits for public form submissions (filled in by the rate-limit work)."""

from django.http import HttpRequest


def rate_limited(request: HttpRequest, *, scope: str) -> bool:
    """Count this request against the client's budget for ``scope``; True when over it."""
    return False

"""Per-client rate limits for public form submissions, on privacy's shared limiter.

``FORMS_RATE_LIMIT`` (``"<count>/<s|m|h|d>"``, default ``"10/m"``) counts the HTML forms and
the API together per client address; how addresses are found and counted is privacy's
(:mod:`privacy.ratelimit`), shared with privacy's own public forms.
"""

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from privacy.ratelimit import Rate, client_ip, over_limit, parse_rate

from . import conf

__all__ = ["MESSAGE", "Rate", "client_ip", "current_rate", "parse_rate", "rate_limited"]

MESSAGE = _("Too many submissions from your address. Please wait a moment and try again.")


def current_rate() -> Rate | None:
    return parse_rate(conf.rate_limit(), setting="FORMS_RATE_LIMIT")


def retry_after(*, now: float | None = None) -> int:
    """Seconds until the current window ends (for the ``Retry-After`` header)."""
    rate = current_rate()
    return 0 if rate is None else rate.retry_after(now)


def rate_limited(request: HttpRequest, *, scope: str) -> bool:
    """Count this submission against the client's budget for ``scope``; True when over it."""
    return over_limit(
        request,
        scope=f"forms:{scope}",
        rate=current_rate(),
        cache_alias=conf.rate_limit_cache(),
    )

"""django-axes, seeing clients as the rest of the site does and answering in Wagtail's style."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from privacy.ratelimit import client_ip as _client_ip


def client_ip(request: HttpRequest) -> str:
    """The address failures are counted by: ``REMOTE_ADDR``, or the ``X-Forwarded-For`` entry
    the outermost of ``TRUSTED_PROXY_COUNT`` proxies appended, never one the client wrote."""
    return _client_ip(request)


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials=None
) -> HttpResponse:
    """The page a locked-out username and address get instead of the sign-in form (429)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    response = TemplateResponse(
        request,
        "website/lockout.html",
        {"minutes": minutes, "failure_limit": settings.AXES_FAILURE_LIMIT},
        status=429,
    )
    response["Retry-After"] = str(minutes * 60)
    return response.render()

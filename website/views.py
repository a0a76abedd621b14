"""What every public site answers outside its pages: robots.txt, security.txt, the favicon
and the server-error page."""

from __future__ import annotations

import contextlib
import logging
import sys
from datetime import UTC, timedelta

from django import db
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

# Seconds a client is asked to wait when a shared service did not answer.
OUTAGE_RETRY_AFTER = 30

# Addresses crawlers have no business in: the admins and the JSON APIs.
ROBOTS_DISALLOW = ("/admin/", "/django-admin/", "/api/")


@require_safe
@cache_control(max_age=3600, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOW)]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def _contact_uri(contact: str) -> str:
    # RFC 9116 wants a URI: an address alone becomes a mailto: link.
    if "@" in contact and ":" not in contact:
        return f"mailto:{contact}"
    return contact


@require_safe
@cache_control(max_age=86400, public=True)
def security_txt(request: HttpRequest) -> HttpResponse:
    """RFC 9116: who to tell about a vulnerability; it expires a year after it was fetched.

    Computed per request so the published file never goes stale between deployments.
    """
    expires = (timezone.now() + timedelta(days=365)).replace(microsecond=0)
    languages = ", ".join(code for code, _name in settings.LANGUAGES)
    lines = [
        f"Contact: {_contact_uri(settings.SECURITY_CONTACT)}",
        f"Expires: {expires.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        f"Preferred-Languages: {languages}",
        f"Canonical: {request.build_absolute_uri(reverse('security_txt'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
def favicon(request: HttpRequest) -> HttpResponse:
    """``/favicon.ico``, which browsers and feed readers ask for whatever the page links."""
    return HttpResponseRedirect(static("favicon.ico"))


FALLBACK_500 = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Server error</title></head><body><main>
<h1 lang="nl">Er ging iets mis</h1><p lang="nl">Probeer het later opnieuw.</p>
<h1 lang="fr">Une erreur s’est produite</h1><p lang="fr">Veuillez réessayer plus tard.</p>
<h1 lang="en">Something went wrong</h1><p lang="en">Please try again later.</p>
</main></body></html>
"""


def dependency_outage(error: BaseException | None) -> bool:
    """Whether ``error`` (or what caused it) is a shared service not answering: the database,
    Redis or S3. Such a request may succeed again in a moment; it is no bug of the site."""
    outages: list[type[BaseException]] = [db.OperationalError, db.InterfaceError]
    with contextlib.suppress(ImportError):
        from redis.exceptions import ConnectionError as RedisConnectionError
        from redis.exceptions import TimeoutError as RedisTimeoutError

        outages += [RedisConnectionError, RedisTimeoutError]
    with contextlib.suppress(ImportError):
        from botocore.exceptions import ConnectionError as BotoConnectionError

        outages.append(BotoConnectionError)
    seen = 0
    while error is not None and seen < 10:
        if isinstance(error, tuple(outages)):
            return True
        error = error.__cause__ or error.__context__
        seen += 1
    return False


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page in the visitor's language, needing neither the database nor a request.

    Whatever broke may break a context processor or the site's menu too, so the template is
    rendered from a plain context; if even that fails, a fixed page in the three languages
    answers. The API gets its JSON error shape. No detail of the error is shown.

    When a shared service (the database, Redis, S3) did not answer, the same page answers
    503 with ``Retry-After``: the request may succeed in a moment, and a proxy or client may
    retry it; nothing of it was stored (each submission is stored in one transaction).
    """
    status = 503 if dependency_outage(sys.exc_info()[1]) else 500
    language = (
        translation.get_language_from_path(request.path_info)
        or translation.get_language()
        or settings.LANGUAGE_CODE
    )
    with translation.override(language):
        message = translation.gettext("Something went wrong on our side. Please try again later.")
        if request.path_info.startswith("/api/"):
            response = JsonResponse(
                {"detail": message, "errors": {"__all__": [message]}}, status=status
            )
            return _retry_later(response)
        try:
            body = loader.get_template("500.html").render(
                {"LANGUAGE_CODE": language, "stylesheet": static("css/site.css")}
            )
        except Exception:
            logger.exception("The 500 page could not be rendered")
            body = FALLBACK_500
    response = HttpResponse(body, status=status, content_type="text/html; charset=utf-8")
    return _retry_later(response)


def _retry_later(response: HttpResponse) -> HttpResponse:
    if response.status_code == 503:
        response["Retry-After"] = str(OUTAGE_RETRY_AFTER)
    return response

"""Project-wide request handling: the body cap before anything parses, API-aware locales."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse, UnreadablePostError
from django.http.multipartparser import MultiPartParserError
from django.middleware.csrf import CsrfViewMiddleware
from django.middleware.http import ConditionalGetMiddleware
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.template.defaultfilters import filesizeformat
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext as _

API_PREFIX = "/api/"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


class RequestBodyLimitMiddleware:
    """Answer 413 to any request whose body is over ``REQUEST_MAX_BODY_SIZE``.

    Django's own limits (``DATA_UPLOAD_MAX_MEMORY_SIZE``) leave files out, and form fields
    check a file's size only after it has been streamed to disk. This refuses the request
    from its declared length before the CSRF check, a view or an upload handler reads a
    byte, so an oversized upload is never written anywhere. It sits before
    ``CsrfViewMiddleware``, the first middleware that reads ``request.POST``.

    Under WSGI Django reads at most ``Content-Length`` bytes (none without it), so the header
    is the whole story; under ASGI the server has already spooled the body to a file, whose
    size is checked when no length was declared (chunked uploads).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = getattr(settings, "REQUEST_MAX_BODY_SIZE", 0)
        if limit and body_size(request) > limit:
            return too_large_response(request, limit)
        return self.get_response(request)


def body_size(request: HttpRequest) -> int:
    declared = request.META.get("CONTENT_LENGTH")
    if declared:
        try:
            return max(int(declared), 0)
        except ValueError:
            return 0  # Django reads such a body as empty too
    stream = getattr(request, "_stream", None)
    if stream is not None and getattr(stream, "seekable", lambda: False)():
        position = stream.tell()
        size = stream.seek(0, 2)
        stream.seek(position)
        return size
    return 0


def too_large_response(request: HttpRequest, limit: int) -> HttpResponse:
    message = _(
        "The request is too large: at most %(size)s can be sent at once, files included."
    ) % {"size": filesizeformat(limit)}
    if request.path.startswith(API_PREFIX):
        return JsonResponse({"detail": message, "errors": {"__all__": [message]}}, status=413)
    title = _("Request too large")
    page = (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{escape(title)}</title>"
        f"</head><body><h1>{escape(title)}</h1><p>{escape(message)}</p></body></html>"
    )
    return HttpResponse(page, status=413, content_type="text/html; charset=utf-8")


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, minus the 404-to-language-prefix redirect under /api/.

    Pages live under ``i18n_patterns`` with Wagtail's catch-all, so every unknown path
    "exists" with a language prefix and Django turns any 404 into a redirect to ``/nl/...``.
    An API client asking for a missing object must get the API's 404, not a web page.
    """

    def process_response(self, request, response):
        if request.path_info.startswith(API_PREFIX):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", get_language())
            return response
        return super().process_response(request, response)


class _ApiCsrfCheck(CsrfViewMiddleware):
    """Django's CSRF check, answering in the API's error shape.

    The front-ends allowed to read the API (``CORS_ALLOWED_ORIGINS``) may send to it too, as
    if they were listed in ``CSRF_TRUSTED_ORIGINS``: one list names a front-end.
    """

    @cached_property
    def allowed_origins_exact(self):
        return {*super().allowed_origins_exact, *getattr(settings, "CORS_ALLOWED_ORIGINS", ())}

    def _reject(self, request, reason):
        message = _("The request was refused: %(reason)s") % {"reason": reason}
        return JsonResponse({"detail": message, "errors": {"__all__": [message]}}, status=403)


def _checked_view():  # a view that is not csrf_exempt, for the check above
    raise NotImplementedError


class ApiCsrfMiddleware:
    """CSRF for the APIs, as Django documents it for a front-end on another origin.

    The APIs' views are ``csrf_exempt`` (django-ninja and Wagtail's API v2 make them so),
    which suits a client that holds no cookie of the site: a server-side renderer, a script.
    A browser is different: it may carry the visitor's cookies (a signed-in session, the
    cookie choice), and a page on another site could make it send. So an unsafe request
    under ``/api/`` that a browser sends (it names its ``Origin``) or that carries the
    session cookie passes Django's own check: its origin is the site's, a trusted one or an
    allowed front-end, and it carries the token from ``GET /api/csrf`` in ``X-CSRFToken``
    (or as ``csrfmiddlewaretoken``) with the CSRF cookie that answer set. Refusals are 403
    in the API's error shape.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.check = _ApiCsrfCheck(get_response)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request, view, args, kwargs):
        if not request.path_info.startswith(API_PREFIX) or request.method in SAFE_METHODS:
            return None
        is_browser = "HTTP_ORIGIN" in request.META
        if not is_browser and settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return None
        try:
            # Django's check reads a form body for ``csrfmiddlewaretoken``; one it cannot
            # parse is the client's error, answered as the API answers it.
            return self.check.process_view(request, _checked_view, (), {})
        except (MultiPartParserError, UnreadablePostError, ValueError):
            message = _("The request body could not be read.")
            return JsonResponse({"detail": message, "errors": {"__all__": [message]}}, status=400)


class ApiConditionalGetMiddleware(ConditionalGetMiddleware):
    """``ETag`` and ``Cache-Control`` on the APIs' answers, and 304 for a matching
    ``If-None-Match``, so a CDN or a front-end's fetch cache can keep them.

    An answer that says nothing about caching may be kept ``API_CACHE_SECONDS`` (60) by
    anyone: the APIs serve live, public content. Answers that must not be kept say so
    themselves (``no-store``: the CSRF token, a draft for preview, a participant list) and
    get no ``ETag``.
    """

    def process_response(self, request, response):
        if not request.path_info.startswith(API_PREFIX) or request.method not in ("GET", "HEAD"):
            return response
        if response.status_code == 200 and not response.has_header("Cache-Control"):
            patch_cache_control(
                response, public=True, max_age=getattr(settings, "API_CACHE_SECONDS", 60)
            )
        return super().process_response(request, response)

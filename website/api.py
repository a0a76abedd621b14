"""The project's own JSON API: one NinjaAPI that mounts each app's router.

Apps expose ``api.router``; the project decides where it lives so no app knows another.

Every error answer has one shape, ``{"errors": {key: [messages]}}`` (``"__all__"`` for
errors not about one parameter or field), so a client needs one error path. Answers that
are about the request as a whole also carry the sentence as ``detail``. A parameter that
does not parse (``/api/forms/abc``) is a 400 like any other invalid input, never
django-ninja's undeclared 422: every operation declares its 400 in the OpenAPI document.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import add_never_cache_headers
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Schema
from ninja.errors import HttpError, ValidationError

UNSAFE_METHODS = ("post", "put", "patch", "delete")


class SiteAPI(NinjaAPI):
    """The project's API; its document states the CSRF refusal every sending operation has.

    ``website.middleware.ApiCsrfMiddleware`` answers it before any operation runs, so no
    router declares it: it is added here to each operation that is not a safe method.
    """

    def get_openapi_schema(self, *args, **kwargs):
        schema = super().get_openapi_schema(*args, **kwargs)
        refused = {
            "description": (
                "A browser's request without a valid CSRF token (see GET /api/csrf), or "
                "from an origin that is not allowed."
            ),
            "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/CsrfRefusedOut"}}
            },
        }
        schema.setdefault("components", {}).setdefault("schemas", {})["CsrfRefusedOut"] = (
            CSRF_REFUSED
        )
        for operations in schema.get("paths", {}).values():
            for method, operation in operations.items():
                if method in UNSAFE_METHODS:
                    operation.setdefault("responses", {}).setdefault(403, refused)
        return schema


CSRF_REFUSED = {
    "title": "CsrfRefusedOut",
    "type": "object",
    "required": ["detail", "errors"],
    "properties": {
        "detail": {"type": "string"},
        "errors": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    },
}

api = SiteAPI(
    title="Chamber website API",
    version="1.0",
    urls_namespace="website-api",
    docs_url="/docs",
    openapi_url="/openapi.json",
)

# (mount prefix, router path) in dependency order.
ROUTERS = [
    ("privacy/", "privacy.api.router"),
    ("privacy/", "privacy.api_cookies.router"),
    ("privacy/", "privacy.api_subscribers.router"),
    ("forms/", "forms.api.router"),
    ("events/", "events.api.router"),
    ("", "home.api.router"),
]

# Where django-ninja puts a parameter; the key a client sees is the parameter's name.
PARAMETER_SOURCES = frozenset({"path", "query", "header", "cookie", "body", "form", "file"})


def error_body(message: str) -> dict:
    return {"detail": message, "errors": {"__all__": [message]}}


@api.exception_handler(ValidationError)
def invalid_parameters(request: HttpRequest, exc: ValidationError):
    errors: dict[str, list[str]] = {}
    for error in exc.errors:
        loc = list(error.get("loc", ()))
        if len(loc) > 2 and loc[0] == "body":
            # ("body", "<view argument>", "field", ...): a client knows the body's fields only.
            del loc[1]
        location = [str(part) for part in loc if part not in PARAMETER_SOURCES]
        errors.setdefault(".".join(location) or "__all__", []).append(str(error.get("msg", "")))
    return api.create_response(request, {"errors": errors}, status=400)


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError):
    return api.create_response(request, error_body(str(exc)), status=exc.status_code)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404):
    return api.create_response(request, error_body(_("Not found.")), status=404)


for prefix, dotted in ROUTERS:
    api.add_router(prefix, import_string(dotted))


class CsrfTokenOut(Schema):
    csrf_token: str = Field(
        description=(
            "Send it back in the X-CSRFToken header (or as csrfmiddlewaretoken) with every "
            "POST made from a browser, together with the CSRF cookie this answer sets "
            "(fetch with credentials: 'include')."
        )
    )


@api.get(
    "/csrf",
    response={200: CsrfTokenOut},
    summary="A CSRF token for a front-end on another origin",
    tags=["site"],
    url_name="csrf_token",
)
def csrf_token(request: HttpRequest, response: HttpResponse):
    """The token Django's CSRF check expects, and its cookie.

    A browser sending to the API (forms, cookie choices, newsletter sign-up) from a front-end
    listed in ``CORS_ALLOWED_ORIGINS`` fetches it first, with credentials, and sends it back
    in ``X-CSRFToken``. The answer differs per visitor, so it is never cached.
    """
    add_never_cache_headers(response)
    return {"csrf_token": get_token(request)}

"""The project's own JSON API: one NinjaAPI that mounts each app's router.

Apps expose ``api.router``; the project decides where it lives so no app knows another.

Every error answer has one shape, ``{"errors": {key: [messages]}}`` (``"__all__"`` for
errors not about one parameter or field), so a client needs one error path. Answers that
are about the request as a whole also carry the sentence as ``detail``. A parameter that
does not parse (``/api/forms/abc``) is a 400 like any other invalid input, never
django-ninja's undeclared 422: every operation declares its 400 in the OpenAPI document.
"""

from django.http import Http404, HttpRequest
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError

api = NinjaAPI(
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
    ("forms/", "forms.api.router"),
    ("events/", "events.api.router"),
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

"""The headless cookie-consent API: the categories, and recording a visitor's choice.

``POST /api/privacy/cookie-consent`` sets the same signed cookie the banner's form does, so
the site's own script and a headless front end share one path into the ledger. Like the
forms API it takes no session authentication; a forged cross-site request could at most
record a choice under a fresh pseudonymous id, and browsers keep the Lax cookie from it.
"""

from __future__ import annotations

from typing import Literal

from django.http import HttpRequest, JsonResponse
from django.utils import translation
from ninja import Field, Router, Schema, Status

from . import conf
from .models import ConsentSource
from .services import cookies as cookie_services

router = Router(tags=["privacy"])


class CookieOut(Schema):
    name: str
    provider: str
    duration: str
    description: str


class CategoryOut(Schema):
    key: str = Field(description="Stable key; consent is recorded under purpose cookies-<key>.")
    name: str
    description: str
    essential: bool = Field(description="Always on; cannot be refused.")
    refused_by_gpc: bool = Field(description="Refused by default under Global Privacy Control.")
    cookies: list[CookieOut]


class CookiesOut(Schema):
    locale: str
    version: int = Field(description="The cookie policy version choices are given for.")
    cookie_name: str = Field(description="The first-party cookie that stores the choice.")
    categories: list[CategoryOut]


class ConsentIn(Schema):
    button: Literal["accept_all", "refuse_all", "choose"] = Field(
        description="Which button was used; with `choose`, `choices` counts."
    )
    choices: dict[str, bool] = Field(
        default_factory=dict,
        description="Category key -> accepted; categories left out are refused.",
    )
    locale: str | None = Field(None, description="Language the banner was shown in.")
    page: str = Field(
        "",
        description=(
            "Path of the page the choice was made on. Only the route is recorded: the query "
            "is dropped and segments that hold a link's token are masked."
        ),
    )
    source: Literal["api", "banner"] = Field(
        "api", description="api, or banner when the site's own banner sends it."
    )


class ConsentOut(Schema):
    consent_id: str
    version: int
    accepted: list[str]
    refused: list[str]
    delete_cookies: list[str] = Field(description="Cookies of refused categories to delete.")


class ErrorsOut(Schema):
    errors: dict[str, list[str]]


def _locale(request: HttpRequest, locale: str | None) -> str:
    codes = [code for code, _name in _languages()]
    requested = (locale or translation.get_language() or "").lower()
    for candidate in (requested, requested.split("-")[0]):
        if candidate in codes:
            return candidate
    return codes[0]


def _languages():

    return conf.content_languages()


@router.get(
    "/cookies",
    response={200: CookiesOut, 400: ErrorsOut},
    summary="Cookie categories and their cookies",
)
def cookies_list(request: HttpRequest, locale: str | None = None):
    """Every category in the requested language (``?locale=``, else the active language)."""
    code = _locale(request, locale)
    gpc = set(cookie_services.gpc_refused_categories())
    return {
        "locale": code,
        "version": cookie_services.policy_version(request),
        "cookie_name": cookie_services.cookie_name(),
        "categories": [
            {
                "key": category.key,
                "name": category.name,
                "description": category.description,
                "essential": category.is_essential,
                "refused_by_gpc": category.key in gpc,
                "cookies": [
                    {
                        "name": block.value["name"],
                        "provider": block.value["provider"],
                        "duration": block.value["duration"],
                        "description": block.value.get("description") or "",
                    }
                    for block in category.cookies
                ],
            }
            for category in cookie_services.cookie_categories(locale=code)
        ],
    }


@router.post(
    "/cookie-consent",
    response={201: ConsentOut, 400: ErrorsOut},
    summary="Record a cookie choice",
    url_name="cookie_consent_api",
)
def cookie_consent_create(request: HttpRequest, payload: ConsentIn):
    """Record the choice in the consent ledger and set the consent cookie.

    Answers 201 with the pseudonymous consent id, or 400 ``{"errors": {...}}`` for an unknown
    category or button, in which case nothing is recorded and no cookie changes.
    """
    code = _locale(request, payload.locale)
    try:
        result = cookie_services.cookie_choice_record(
            choices=payload.choices,
            button=payload.button,
            locale=code,
            page=payload.page,
            version=cookie_services.policy_version(request),
            source=ConsentSource.BANNER if payload.source == "banner" else ConsentSource.API,
            previous=cookie_services.cookie_choice_read(request),
            gpc=cookie_services.gpc_enabled(request),
        )
    except cookie_services.CookieChoiceError as error:
        return Status(400, {"errors": error.errors})
    body = {
        "consent_id": result.choice.consent_id,
        "version": result.choice.version,
        "accepted": sorted(result.choice.accepted),
        "refused": sorted(result.refused),
        "delete_cookies": result.delete_cookies,
    }
    response = JsonResponse(body, status=201)
    cookie_services.cookie_choice_apply(request=request, response=response, result=result)
    return response

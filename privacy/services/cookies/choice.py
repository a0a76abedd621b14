"""The visitor's cookie choice: read from its signed first-party cookie, and written to it.

The cookie names the cookie policy version the choice was given for, so a new version asks
again; a tampered value is simply ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.core import signing
from django.http import HttpRequest, HttpResponse

from ... import conf
from ...models import CookiePolicySettings
from .categories import cookie_max_age

SALT = "privacy.cookie-consent"
CONSENT_ID = re.compile(r"^[0-9a-f]{32}$")


def cookie_name() -> str:
    return conf.cookie_consent_name()


def gpc_refused_categories() -> tuple[str, ...]:
    """Categories a Global Privacy Control signal refuses by default."""
    return conf.cookie_gpc_refused()


class Button:
    """Which control the visitor used; kept in the proof."""

    ACCEPT_ALL = "accept_all"
    REFUSE_ALL = "refuse_all"
    CHOOSE = "choose"
    ALL = (ACCEPT_ALL, REFUSE_ALL, CHOOSE)


class CookieChoiceError(ValueError):
    """A choice that cannot be recorded; ``errors`` maps a field to its messages."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__(errors)
        self.errors = errors


@dataclass(frozen=True)
class CookieChoice:
    consent_id: str
    version: int
    accepted: frozenset[str]


@dataclass(frozen=True)
class CookieChoiceResult:
    choice: CookieChoice
    refused: frozenset[str]
    delete_cookies: list[str] = field(default_factory=list)


def policy_version(request: HttpRequest | None = None) -> int:
    return CookiePolicySettings.load(request_or_site=request).version


def gpc_enabled(request: HttpRequest) -> bool:
    return request.headers.get("Sec-GPC", "").strip() == "1"


def cookie_choice_read(request: HttpRequest, *, max_age: int | None = None) -> CookieChoice | None:
    """The choice in the visitor's cookie, whatever its version; None for none or garbage.

    ``max_age`` is the cookie's lifetime from a setup the caller already read, which spares
    a second read of it (:func:`cookie_max_age`)."""
    raw = request.COOKIES.get(cookie_name())
    if not raw:
        return None
    try:
        data = signing.loads(raw, salt=SALT, max_age=max_age or cookie_max_age())
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(data, dict):
        return None
    consent_id, version, accepted = data.get("id"), data.get("v"), data.get("a")
    if not (
        isinstance(consent_id, str)
        and CONSENT_ID.match(consent_id)
        and isinstance(version, int)
        and not isinstance(version, bool)
        and isinstance(accepted, list)
        and all(isinstance(key, str) for key in accepted)
    ):
        return None
    return CookieChoice(consent_id=consent_id, version=version, accepted=frozenset(accepted))


def cookie_choice_current(
    request: HttpRequest, *, version: int | None = None, max_age: int | None = None
) -> CookieChoice | None:
    """The visitor's choice if it was given for the current cookie policy, else None (ask)."""
    choice = cookie_choice_read(request, max_age=max_age)
    if version is None:
        version = policy_version(request)
    if choice is None or choice.version != version:
        return None
    return choice


def cookie_choice_apply(
    *, request: HttpRequest, response: HttpResponse, result: CookieChoiceResult
) -> None:
    """Store the choice in its cookie and expire the cookies of refused categories."""
    choice = result.choice
    value = signing.dumps(
        {"id": choice.consent_id, "v": choice.version, "a": sorted(choice.accepted)},
        salt=SALT,
        compress=False,
    )
    response.set_cookie(
        cookie_name(),
        value,
        max_age=cookie_max_age(),
        secure=request.is_secure(),
        httponly=True,
        samesite="Lax",
    )
    for name in result.delete_cookies:
        if name != cookie_name() and name in request.COOKIES:
            response.delete_cookie(name, path="/", samesite="Lax")

"""Cookie consent: reading the visitor's choice, recording a new one, applying it.

The choice lives in a signed first-party cookie (so a tampered value is simply ignored) that
names the cookie policy version it was given for; the proof lives in the consent ledger, one
record per non-essential category, under the pseudonymous consent id the cookie carries.
"""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from .. import conf
from ..links import route_without_secrets
from ..models import (
    ConsentSource,
    CookieCategory,
    CookiePolicySettings,
    LegalBasis,
    Purpose,
    RetentionStart,
    Tag,
)
from ..models.cookies import ESSENTIAL
from ..periods import Period, PeriodUnit
from .consent import consent_record, consent_withdraw

SALT = "privacy.cookie-consent"
CONSENT_ID = re.compile(r"^[0-9a-f]{32}$")
MAX_PAGE_LENGTH = 200
SOURCE_REF_LENGTH = 255  # ConsentRecord.source_ref


def cookie_name() -> str:
    return conf.cookie_consent_name()


# How long a cookie choice applies until the privacy officer says otherwise: the period of
# a category's purpose made on its first choice, and of the choice's cookie before any is.
CHOICE_PERIOD = Period(6, PeriodUnit.MONTHS)


def _max_age_compute() -> int:
    periods = [
        purpose.retention
        for purpose in Purpose.objects.filter(
            key__startswith="cookies-", retention_from=RetentionStart.CHOICE
        ).only("retention_period", "retention_unit")
    ]
    now = timezone.now()
    end = min((period.after(now) for period in periods), default=CHOICE_PERIOD.after(now))
    return max(int((end - now).total_seconds()), 0)


def cookie_max_age() -> int:
    """How long the choice's cookie lasts, in seconds: the period the register states for
    cookie choices (their purposes ``cookies-<key>``, counted from the choice; the shortest
    when they differ), so the banner asks again exactly when the register says it does.
    Read from the cached setup every page needs, until a purpose changes."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    # A setup cached before it carried the figure has none: compute it then.
    return cookie_setup(locale=language).max_age or _max_age_compute()


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


@dataclass(frozen=True)
class CategoryView:
    """What the banner shows of a category: plain values, cheap to cache."""

    key: str
    name: str
    description: str
    is_essential: bool
    cookies: tuple[dict, ...]


@dataclass(frozen=True)
class TagView:
    category_key: str
    script_url: str
    html: str


@dataclass(frozen=True)
class CookieSetup:
    """Everything every page needs to render the banner and the tags, in one language."""

    version: int
    categories: tuple[CategoryView, ...]
    tags: dict[str, tuple[TagView, ...]]
    # Seconds the choice's cookie lasts (see ``cookie_max_age``).
    max_age: int = 0
    # When this setup was read: what is rendered from it is cached under this stamp, so it
    # is retired with the setup.
    built: int = 0


SETUP_CACHE_KEY = "privacy:cookie-setup:{}"
# Saving a category, a tag or the cookie policy retires the entries at once; the timeout only
# bounds what a change made in another process without a shared cache could leave behind.
SETUP_CACHE_SECONDS = 300


def _setup_build(code: str) -> CookieSetup:
    categories = tuple(
        CategoryView(
            key=category.key,
            name=category.name,
            description=category.description,
            is_essential=category.is_essential,
            cookies=tuple(
                {
                    "name": block.value["name"],
                    "provider": block.value["provider"],
                    "duration": block.value["duration"],
                    "description": block.value.get("description") or "",
                }
                for block in category.cookies
            ),
        )
        for category in cookie_categories(locale=code)
    )
    tags: dict[str, list[TagView]] = {}
    for tag in Tag.objects.filter(live=True).select_related("category").order_by("pk"):
        tags.setdefault(tag.category.key, []).append(
            TagView(category_key=tag.category.key, script_url=tag.script_url, html=tag.html)
        )
    return CookieSetup(
        version=CookiePolicySettings.load().version,
        categories=categories,
        tags={key: tuple(values) for key, values in tags.items()},
        max_age=_max_age_compute(),
        built=time.time_ns(),
    )


def cookie_setup(*, locale: str) -> CookieSetup:
    """The categories, tags and policy version for ``locale``, cached until one changes."""
    return cache.get_or_set(
        SETUP_CACHE_KEY.format(locale), lambda: _setup_build(locale), SETUP_CACHE_SECONDS
    )


def cookie_setup_invalidate(**kwargs) -> None:
    cache.delete_many([SETUP_CACHE_KEY.format(code) for code, _name in settings.LANGUAGES])


def connect() -> None:
    from django.db.models.signals import post_delete, post_save

    for model in (CookieCategory, Tag, CookiePolicySettings, Purpose):
        for signal in (post_save, post_delete):
            signal.connect(
                cookie_setup_invalidate,
                sender=model,
                dispatch_uid=f"privacy-cookie-setup-{signal!r}-{model.__name__}",
            )


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


def cookie_categories(*, locale: str | Locale | None = None) -> list[CookieCategory]:
    """The categories in ``locale``, a key missing there taken from the default locale."""
    code = locale.language_code if isinstance(locale, Locale) else locale
    default = conf.default_language()
    chosen: dict[str, CookieCategory] = {}
    for category in CookieCategory.objects.select_related("locale"):
        current = chosen.get(category.key)
        language = category.locale.language_code
        if (
            current is None
            or language == code
            or (language == default and current.locale.language_code != code)
        ):
            chosen[category.key] = category
    return sorted(chosen.values(), key=lambda c: (c.sort_order, c.key))


def cookie_purpose_ensure(*, category: CookieCategory) -> Purpose:
    """The consent purpose ``cookies-<key>`` a category's choices are recorded under.

    A category an editor adds later gets its purpose on its first choice (in the default
    locale, from the category's own words), so no choice is ever lost for want of one.
    """
    key = category.purpose_key
    purposes = {p.locale_id: p for p in Purpose.objects.filter(key=key)}
    if category.locale_id in purposes:
        return purposes[category.locale_id]
    default = Locale.get_default()
    if default.pk in purposes:
        return purposes[default.pk]
    if purposes:
        return next(iter(purposes.values()))
    purpose = Purpose.objects.create(
        key=key,
        locale=category.locale,
        name=category.name,
        consent_text=category.description,
        description=category.description,
        legal_basis=LegalBasis.CONSENT,
        retention_period=CHOICE_PERIOD.amount,
        retention_unit=CHOICE_PERIOD.unit,
        retention_from=RetentionStart.CHOICE,
    )
    purpose.save_revision(log_action=False)
    return purpose


# What a proof keeps of a category: the words and cookies the banner showed.
_SHOWN = ("name", "description", "cookies")


def cookie_category_revision(*, category: CookieCategory):
    """The revision of ``category`` as it is now: its latest, or a new one when it was
    changed without one (in code, by a translation sync), so every proof names the version
    the visitor saw, and earlier versions stay."""
    shown = {name: category.serializable_data()[name] for name in _SHOWN}
    latest = category.latest_revision
    if latest is not None and {name: latest.content.get(name) for name in _SHOWN} == shown:
        return latest
    return category.save_revision(log_action=False, clean=False)


def _source_ref(*, version: int, button: str, page: str, revision: int) -> str:
    # The route, never a live link: a page opened from an e-mail holds a token in its address.
    page = route_without_secrets(page)[:MAX_PAGE_LENGTH]
    while True:
        ref = urlencode(
            {"version": version, "category_revision": revision, "button": button, "page": page}
        )
        if len(ref) <= SOURCE_REF_LENGTH or not page:
            return ref
        page = page[:-10]  # the route's escaped form is longer than the route


def cookie_choice_record(
    *,
    choices: Mapping[str, bool],
    button: str,
    locale: str,
    page: str,
    version: int,
    source: str = ConsentSource.BANNER,
    previous: CookieChoice | None = None,
    gpc: bool = False,
) -> CookieChoiceResult:
    """Record a banner or API choice in the ledger; return what the cookie must say.

    ``choices`` matters for the "choose" button only: a category left out is refused, since
    nothing is ever pre-ticked. "Accept all" under Global Privacy Control leaves the
    categories GPC refuses refused; only an explicit "choose" turns them on. Unknown
    categories or buttons raise :class:`CookieChoiceError` before anything is written.
    Categories accepted before and refused now have their grants marked withdrawn.
    """
    if button not in Button.ALL:
        raise CookieChoiceError({"button": [_("Unknown button: %(b)s.") % {"b": button}]})
    categories = {c.key: c for c in cookie_categories(locale=locale) if not c.is_essential}
    unknown = sorted(set(choices) - set(categories) - {ESSENTIAL})
    if unknown:
        raise CookieChoiceError(
            {"categories": [_("Unknown cookie category: %(key)s.") % {"key": k} for k in unknown]}
        )
    if button == Button.ACCEPT_ALL:
        refused_by_gpc = set(gpc_refused_categories()) if gpc else set()
        decisions = {key: key not in refused_by_gpc for key in categories}
    elif button == Button.REFUSE_ALL:
        decisions = dict.fromkeys(categories, False)
    else:
        decisions = {key: bool(choices.get(key, False)) for key in categories}

    consent_id = previous.consent_id if previous else uuid.uuid4().hex
    accepted = frozenset(key for key, granted in decisions.items() if granted)
    refused = frozenset(categories) - accepted
    with transaction.atomic():
        if previous is not None:
            for key in previous.accepted & refused:
                consent_withdraw(purpose_key=categories[key].purpose_key, anonymous_id=consent_id)
        for key, granted in decisions.items():
            category = categories[key]
            revision = cookie_category_revision(category=category)
            source_ref = _source_ref(
                version=version, button=button, page=page, revision=revision.pk
            )
            # The proof keeps the words the banner showed for the category, not the purpose's.
            consent_record(
                purpose=cookie_purpose_ensure(category=category),
                granted=granted,
                locale=locale,
                source=source,
                anonymous_id=consent_id,
                source_ref=source_ref,
                text_shown=f"{category.name}: {category.description}",
            )
    delete = sorted({name for key in refused for name in categories[key].cookie_names})
    return CookieChoiceResult(
        choice=CookieChoice(consent_id=consent_id, version=version, accepted=accepted),
        refused=refused,
        delete_cookies=delete,
    )


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

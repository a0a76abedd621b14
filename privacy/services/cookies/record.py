"""A cookie choice's proof in the consent ledger: one record per non-essential category,
under the pseudonymous consent id the cookie carries, naming the category revision shown."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from urllib.parse import urlencode

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale

from ...links import route_without_secrets
from ...models import (
    ConsentSource,
    CookieCategory,
    LegalBasis,
    Purpose,
    RetentionStart,
)
from ...models.cookies import ESSENTIAL
from ..consent import consent_record, consent_withdraw
from .categories import CHOICE_PERIOD, cookie_categories
from .choice import (
    Button,
    CookieChoice,
    CookieChoiceError,
    CookieChoiceResult,
    gpc_refused_categories,
)

MAX_PAGE_LENGTH = 200
SOURCE_REF_LENGTH = 255  # ConsentRecord.source_ref


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

"""Reads of the purposes: one in a language, those a form may state, and their notices (GDPR art. 13)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import translation
from wagtail.models import Locale

from .. import conf
from ..models import LegalBasis, Purpose
from ..register import retention_in_words
from .controller import _language_code, controller_name, objection_text, privacy_policy_url


def in_language(queryset: QuerySet, locale: str | Locale | None = None):
    """The row of a translatable ``queryset`` in ``locale`` (default: the active language),
    else the default language's; None when neither is there (an editable mail's words)."""
    rows = {row.locale.language_code: row for row in queryset.select_related("locale")}
    return rows.get(_language_code(locale)) or rows.get(conf.default_language())


def each_in_language(queryset: QuerySet, locale: str | Locale | None = None) -> list:
    """Each ``key`` of a translatable ``queryset`` once: its row in ``locale`` (default: the
    active language), else the default language's, else the first there is, in the
    queryset's order. What a page lists (the register, the banner's categories) then
    covers every key, even one nobody translated into the page's language yet."""
    code = _language_code(locale)
    default = conf.default_language()
    chosen: dict = {}
    for row in queryset.select_related("locale"):
        current = chosen.get(row.key)
        language = row.locale.language_code
        if (
            current is None
            or language == code
            or (language == default and current.locale.language_code != code)
        ):
            chosen[row.key] = row
    return list(chosen.values())


def purpose_get(*, key: str, locale: str | Locale | None = None) -> Purpose | None:
    """The purpose with this key in the given locale (default: the active language),
    falling back to the default locale's version when it has not been translated yet."""
    if locale is None:
        locale = translation.get_language() or ""
    code = locale.language_code if isinstance(locale, Locale) else locale
    candidates = {
        p.locale.language_code: p for p in Purpose.objects.filter(key=key).select_related("locale")
    }
    if code in candidates:
        return candidates[code]
    default = conf.default_language()
    return candidates.get(default) or next(iter(candidates.values()), None)


def purposes_for_forms() -> QuerySet[Purpose]:
    """The purposes a form or an inbox may state: all but the cookie banner's, whose
    choices are made in the banner and recorded without an address, and those the site
    states by itself (its logs, proofs, form protection: ``"system"`` in the plugins'
    ``default_purposes.json``)."""
    from ..models.cookies import PURPOSE_PREFIX
    from ..services.purposes import purposes_system_keys

    return Purpose.objects.exclude(key__startswith=PURPOSE_PREFIX).exclude(
        key__in=purposes_system_keys()
    )


def purposes_for_locale(*, locale: str | Locale, keys: list[str] | None = None) -> list[Purpose]:
    """Purposes in one locale, for listing them in a policy or a form."""
    if not isinstance(locale, Locale):
        locale = Locale.objects.get(language_code=locale)
    purposes = Purpose.objects.filter(locale=locale)
    if keys is not None:
        purposes = purposes.filter(key__in=keys)
    return list(purposes)


@dataclass(frozen=True)
class PurposeNotice:
    """What a collection notice (GDPR art. 13) says about one purpose, in one language."""

    key: str
    name: str
    text: str
    controller: str
    legal_basis: str
    retention: str
    recipients: str
    policy_url: str
    # Legitimate interest: the interest pursued, and how to object (GDPR art. 13(1)(d), 21(4)).
    interest: str = ""
    objection: str = ""


def purpose_is_consent(purpose: Purpose) -> bool:
    """Whether forms ask for this purpose with a box (consent) or state it as a notice."""
    return purpose.legal_basis == LegalBasis.CONSENT


def purpose_notices(
    purposes, locale: str | Locale | None = None, *, has_end: bool | None = None
) -> list[PurposeNotice]:
    """The notices for purposes whose legal basis is not consent, in ``locale``'s words.

    Who processes the data and where the policy is are looked up once for all of them.
    ``has_end``: whether the data has the end a purpose may count from (a vacancy's
    closing), None when the notice speaks of both (see
    :func:`privacy.register.retention_in_words`).
    """
    purposes = list(purposes)
    if not purposes:
        return []
    with translation.override(_language_code(locale)):
        controller = controller_name()
        policy = privacy_policy_url(locale)
        objection = objection_text(locale)
        return [
            PurposeNotice(
                key=purpose.key,
                name=purpose.name,
                text=purpose.consent_text,
                controller=controller,
                legal_basis=str(purpose.get_legal_basis_display()),
                retention=retention_in_words(purpose, has_end=has_end),
                recipients=purpose.recipients,
                policy_url=f"{policy}#purpose-{purpose.key}" if policy else "",
                interest=purpose.legitimate_interest
                if purpose.legal_basis == LegalBasis.LEGITIMATE_INTEREST
                else "",
                objection=objection
                if purpose.legal_basis == LegalBasis.LEGITIMATE_INTEREST
                else "",
            )
            for purpose in purposes
        ]


def purpose_notice(
    purpose: Purpose, locale: str | Locale | None = None, *, has_end: bool | None = None
) -> PurposeNotice:
    """The notice for one purpose (see :func:`purpose_notices`)."""
    return purpose_notices([purpose], locale, has_end=has_end)[0]


def purpose_names(locale: str | Locale | None = None) -> dict[str, str]:
    """Each purpose key with its name in ``locale`` (default: the active language), falling
    back to the default locale's name, then to any."""
    code = _language_code(locale)
    default = conf.default_language()
    rank = {code: 0, default: 1}
    names: dict[str, tuple[int, str]] = {}
    for key, name, language in Purpose.objects.values_list("key", "name", "locale__language_code"):
        candidate = (rank.get(language, 2), name)
        if key not in names or candidate < names[key]:
            names[key] = candidate
    return {key: name for key, (_rank, name) in names.items()}


def processing_register(*, locale: str | Locale) -> list:
    """Every declared purpose, in ``locale`` where translated, else in the default locale.

    Every purpose key appears once whatever the language, so a form using a purpose nobody
    translated yet is still covered by the policy of every language.
    """
    from ..register import register_entry

    code = locale.language_code if isinstance(locale, Locale) else locale
    with translation.override(code):
        return [register_entry(purpose) for purpose in purposes_chosen(locale=code)]


def purposes_chosen(*, locale: str | Locale) -> list[Purpose]:
    """Every purpose key once, by key: in ``locale`` where translated, else in the default
    locale (what the register and the record of processing list)."""
    return each_in_language(Purpose.objects.order_by("key"), locale)

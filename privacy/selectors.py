"""Reads other apps and the admin share."""

from __future__ import annotations

from django.utils import translation
from wagtail.models import Locale

from .models import ConsentRecord, Purpose
from .services.consent import normalise_email


def consents_current(*, email: str) -> dict[str, ConsentRecord]:
    """The subject's latest decision per purpose key (withdrawn grants included)."""
    subject = normalise_email(email)
    current: dict[str, ConsentRecord] = {}
    records = ConsentRecord.objects.filter(subject_email=subject).order_by(
        "purpose_key", "-recorded_at", "-pk"
    )
    for record in records:
        current.setdefault(record.purpose_key, record)
    return current


def consent_is_granted(*, email: str, purpose_key: str) -> bool:
    """Whether the subject's latest decision for the purpose is a grant still in force."""
    record = consents_current(email=email).get(purpose_key)
    return bool(record and record.is_active)


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
    default = Locale.get_default().language_code
    return candidates.get(default) or next(iter(candidates.values()), None)


def purposes_for_locale(*, locale: str | Locale, keys: list[str] | None = None) -> list[Purpose]:
    """Purposes in one locale, for listing them in a policy or a form."""
    if not isinstance(locale, Locale):
        locale = Locale.objects.get(language_code=locale)
    purposes = Purpose.objects.filter(locale=locale)
    if keys is not None:
        purposes = purposes.filter(key__in=keys)
    return list(purposes)


def processing_register(*, locale: str | Locale) -> list:
    """Every declared purpose, in ``locale`` where translated, else in the default locale.

    Every purpose key appears once whatever the language, so a form using a purpose nobody
    translated yet is still covered by the policy of every language.
    """
    from .register import register_entry

    code = locale.language_code if isinstance(locale, Locale) else locale
    default = Locale.get_default().language_code
    chosen: dict[str, Purpose] = {}
    for purpose in Purpose.objects.select_related("locale").order_by("key"):
        current = chosen.get(purpose.key)
        language = purpose.locale.language_code
        if (
            current is None
            or language == code
            or (language == default and current.locale.language_code != code)
        ):
            chosen[purpose.key] = purpose
    with translation.override(code):
        return [register_entry(purpose) for purpose in chosen.values()]


def policy_page_url(*, locale: str | Locale | None = None) -> str | None:
    """The live privacy policy page's URL in ``locale`` (default: the active language),
    else in the default locale; None when there is none. Cached until a page changes."""
    from .services.policy import policy_urls_cached

    if locale is None:
        locale = translation.get_language() or ""
    code = locale.language_code if isinstance(locale, Locale) else locale
    urls = policy_urls_cached()
    return urls.get(code) or urls.get(Locale.get_default().language_code)


def purpose_policy_url(purpose: Purpose | str, locale: str | Locale | None = None) -> str | None:
    """Where the privacy policy explains ``purpose``: ``<policy url>#purpose-<key>``."""
    url = policy_page_url(locale=locale)
    if url is None:
        return None
    key = purpose if isinstance(purpose, str) else purpose.key
    return f"{url}#purpose-{key}"

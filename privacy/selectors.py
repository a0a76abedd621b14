"""Reads other apps and the admin share."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext
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


def consents_for_source(*, source_ref: str) -> list[ConsentRecord]:
    """The decisions recorded with one source (a form submission, say), oldest first."""
    return list(
        ConsentRecord.objects.filter(source_ref=source_ref)
        .select_related("purpose")
        .order_by("recorded_at", "pk")
    )


def consent_decision_label(record: ConsentRecord) -> str:
    """What the person chose, in words: the one place that reads how a decision is stored."""
    return gettext("given") if record.granted else gettext("refused")

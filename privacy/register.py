"""The register of processing as visitors read it: each purpose's terms in plain words.

Generated from :class:`~privacy.models.Purpose` rows on every read, so the privacy policy
says exactly what forms show and what the retention engine applies.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime

from django.core.cache import cache
from django.utils.translation import gettext as _

from .models import LegalBasis, OutcomeRetention, Purpose, RetentionStart
from .periods import period_in_words
from .registry import registered_models, resolve_path
from .vocabulary import retention_ends

# Periods in different units are ordered by where they end from one fixed moment.
_EPOCH = datetime(2000, 1, 1)


def retention_in_words(purpose: Purpose, *, has_end: bool | None = None) -> str:
    """How long the purpose's data is kept, as the policy says it (in the active language),
    with the shorter periods that follow a decision when the purpose has any.

    A purpose counting from an app's end (a vacancy's closing) is kept from the start for
    rows that never have that end. ``has_end`` says which rows a notice is about: True,
    those with the end (a vacancy's form); False, those without (a spontaneous
    application's); None, both, as the register says it."""
    words = _main_retention_in_words(purpose, without_end=has_end is False)
    end = retention_ends().get(purpose.retention_from)
    if has_end is None and end is not None and end.without:
        start = _main_retention_in_words(purpose, without_end=True)
        words = f"{words} {end.without} {start}"
    outcomes = _outcomes_in_words(purpose)
    return f"{words} {outcomes}" if outcomes else words


def _main_retention_in_words(purpose: Purpose, *, without_end: bool = False) -> str:
    amount, start = purpose.retention_period, purpose.retention_from
    if without_end and start in retention_ends():
        # No end to count from: the core counts from the row's start (the submission).
        start = RetentionStart.SUBMISSION
    if start == RetentionStart.WITHDRAWAL:
        if amount == 0:
            return _("As long as your consent stands; deleted when you withdraw it.")
        return _("%(duration)s after you withdraw your consent.") % {
            "duration": period_in_words(purpose.retention)
        }
    end = retention_ends().get(start)
    if amount == 0:
        # Kept until what it serves ends, in the words of the app that knows that end.
        return str(end.until) if end else _("Not kept: deleted as soon as it has been used.")
    duration = period_in_words(purpose.retention)
    sentences = {
        RetentionStart.CHOICE: _(
            "Your choice applies for %(duration)s; then we ask again. Its proof is kept as "
            "stated for proofs of consent."
        ),
        RetentionStart.DATA_DELETED: _(
            "%(duration)s after the data it proves is deleted; from then on, your e-mail "
            "address in it is replaced by a keyed hash."
        ),
        RetentionStart.SUBMISSION: _("%(duration)s from when you give it to us."),
        RetentionStart.DECISION: _("%(duration)s after your request has been decided on."),
        RetentionStart.LAST_CONTACT: _("%(duration)s after our last contact with you."),
    }
    sentence = end.after if end else sentences.get(start, _("%(duration)s."))
    return str(sentence) % {"duration": duration}


def _outcome_labels() -> dict[str, str]:
    """The words for each outcome a registered model stores (its field's choices)."""
    labels = {}
    for registration in registered_models():
        retention = registration.retention
        if retention is not None and retention.outcome:
            field = resolve_path(registration.model, retention.outcome)
            labels.update({str(value): str(label) for value, label in field.flatchoices})
    return labels


# Every consent box's help states its period, on every submission; editors change the few
# rules rarely. Retired on every change (``outcome_rules_invalidate``).
OUTCOME_RULES_CACHE_KEY = "privacy:outcome-retention"


def outcome_rules() -> list[OutcomeRetention]:
    """Every period that follows an outcome, from the shared cache."""
    return cache.get_or_set(
        OUTCOME_RULES_CACHE_KEY, lambda: list(OutcomeRetention.objects.all()), None
    )


def outcome_rules_invalidate(**kwargs) -> None:
    cache.delete(OUTCOME_RULES_CACHE_KEY)


def _outcomes_in_words(purpose: Purpose) -> str:
    """ "Rejected, withdrawn: 4 weeks after the decision." for each period after an outcome."""
    rules = [rule for rule in outcome_rules() if rule.purpose_key == purpose.key]
    if not rules:
        return ""
    labels, by_period = _outcome_labels(), {}
    for rule in rules:
        by_period.setdefault(rule.retention, []).append(labels.get(rule.outcome, rule.outcome))
    return " ".join(
        _("%(outcomes)s: %(duration)s after the decision.")
        % {"outcomes": ", ".join(names), "duration": period_in_words(period)}
        for period, names in sorted(by_period.items(), key=lambda item: item[0].after(_EPOCH))
    )


@dataclass(frozen=True)
class RegisterEntry:
    key: str
    anchor: str
    purpose: str
    description: str
    data: str
    legal_basis: str
    legal_basis_label: str
    retention: str
    recipients: str
    # Whether the data must be given, and what follows without it (GDPR art. 13(2)(e)).
    required: str = ""
    interest: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def register_entry(purpose: Purpose) -> RegisterEntry:
    return RegisterEntry(
        key=purpose.key,
        anchor=f"purpose-{purpose.key}",
        purpose=purpose.name,
        description=purpose.description,
        data=purpose.data_categories,
        legal_basis=purpose.legal_basis,
        legal_basis_label=str(LegalBasis(purpose.legal_basis).label),
        retention=retention_in_words(purpose),
        recipients=purpose.recipients,
        required=required_in_words(purpose),
        interest=purpose.legitimate_interest
        if purpose.legal_basis == LegalBasis.LEGITIMATE_INTEREST
        else "",
    )


def required_in_words(purpose: Purpose) -> str:
    """Whether a person must give the data, and what follows without it, by legal basis."""
    return str(
        {
            LegalBasis.CONSENT: _(
                "No. Without your consent we do not do this; nothing else changes for you."
            ),
            LegalBasis.CONTRACT: _(
                "Yes, to handle your request or our agreement; without it we cannot."
            ),
            LegalBasis.LEGAL_OBLIGATION: _(
                "Yes, the law requires it; without it we cannot do what you ask."
            ),
            LegalBasis.LEGITIMATE_INTEREST: _(
                "Not by law, but without it we cannot do what it serves; you may object."
            ),
        }.get(purpose.legal_basis, "")
    )

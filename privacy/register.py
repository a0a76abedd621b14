"""The register of processing as visitors read it: each purpose's terms in plain words.

Generated from :class:`~privacy.models.Purpose` rows on every read, so the privacy policy
says exactly what forms show and what the retention engine applies.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import LegalBasis, OutcomeRetention, Purpose, RetentionStart
from .registry import registered_models, resolve_path
from .vocabulary import retention_ends

# A month is counted as 30.44 days; a period within two days of whole months reads as such.
DAYS_PER_MONTH = 30.44


def duration_in_words(days: int) -> str:
    if days % 365 == 0:
        years = days // 365
        return ngettext("%(count)d year", "%(count)d years", years) % {"count": years}
    months = round(days / DAYS_PER_MONTH)
    if months >= 1 and abs(days - months * DAYS_PER_MONTH) <= 2:
        return ngettext("%(count)d month", "%(count)d months", months) % {"count": months}
    if days % 7 == 0:
        weeks = days // 7
        return ngettext("%(count)d week", "%(count)d weeks", weeks) % {"count": weeks}
    return ngettext("%(count)d day", "%(count)d days", days) % {"count": days}


def retention_in_words(purpose: Purpose) -> str:
    """How long the purpose's data is kept, as the policy says it (in the active language),
    with the shorter periods that follow a decision when the purpose has any."""
    words = _main_retention_in_words(purpose)
    outcomes = _outcomes_in_words(purpose)
    return f"{words} {outcomes}" if outcomes else words


def _main_retention_in_words(purpose: Purpose) -> str:
    days, start = purpose.retention_days, purpose.retention_from
    if start == RetentionStart.WITHDRAWAL:
        if days == 0:
            return _("As long as your consent stands; deleted when you withdraw it.")
        return _("%(duration)s after you withdraw your consent.") % {
            "duration": duration_in_words(days)
        }
    end = retention_ends().get(start)
    if days == 0:
        # Kept until what it serves ends, in the words of the app that knows that end.
        return str(end.until) if end else _("Not kept: deleted as soon as it has been used.")
    duration = duration_in_words(days)
    sentences = {
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


def _outcomes_in_words(purpose: Purpose) -> str:
    """ "Rejected, withdrawn: 4 weeks after the decision." for each period after an outcome."""
    rules = list(OutcomeRetention.objects.filter(purpose_key=purpose.key))
    if not rules:
        return ""
    labels, by_days = _outcome_labels(), {}
    for rule in rules:
        by_days.setdefault(rule.retention_days, []).append(labels.get(rule.outcome, rule.outcome))
    return " ".join(
        _("%(outcomes)s: %(duration)s after the decision.")
        % {"outcomes": ", ".join(names), "duration": duration_in_words(days)}
        for days, names in sorted(by_days.items())
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
    )

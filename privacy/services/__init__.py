"""Everything in privacy with side effects; other apps call these, never the models' managers.

Functions are keyword-only and named ``<entity>_<action>``.
"""

from .consent import (
    consent_given,
    consent_record,
    consent_refuse,
    consent_renewals_ask,
    consent_withdraw,
    consents_pseudonymise,
    consents_pseudonymise_subject,
    consents_record,
    normalise_email,
)
from .retention import RunReport, retention_enforce
from .retention_dates import (
    retention_compute,
    retention_consent_withdrawn,
    retention_end_move,
    retention_own_passed,
    retention_recompute,
    retention_refresh,
)
from .subjects import SubjectExport, rows_erase, subject_counts, subject_erase, subject_export

__all__ = [
    "RunReport",
    "SubjectExport",
    "consent_given",
    "consent_record",
    "consent_refuse",
    "consent_renewals_ask",
    "consent_withdraw",
    "consents_pseudonymise",
    "consents_pseudonymise_subject",
    "consents_record",
    "normalise_email",
    "retention_compute",
    "retention_consent_withdrawn",
    "retention_end_move",
    "retention_enforce",
    "retention_own_passed",
    "retention_recompute",
    "retention_refresh",
    "rows_erase",
    "subject_counts",
    "subject_erase",
    "subject_export",
]

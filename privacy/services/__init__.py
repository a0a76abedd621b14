"""Everything in privacy with side effects; other apps call these, never the models' managers.

Functions are keyword-only and named ``<entity>_<action>``.
"""

from .consent import consent_record, consent_withdraw, consents_record, normalise_email

__all__ = [
    "consent_record",
    "consent_withdraw",
    "consents_record",
    "normalise_email",
]

"""Purposes, the consent ledger and the records retention leaves behind.

Everything else in the project that holds personal data points at a :class:`Purpose`; the
ledger proves what each subject agreed to, in which words; :class:`DeletionLog` proves that
data was removed on time without keeping any of it.
"""

from .cookies import CookieCategory, CookiePolicySettings, Tag
from .deletion import DeletionLog, DeletionReason, RetentionFailure
from .ledger import ConsentRecord, ConsentSource
from .policy import PrivacyPolicyPage
from .purposes import LegalBasis, Purpose, RetentionStart

__all__ = [
    "ConsentRecord",
    "CookieCategory",
    "CookiePolicySettings",
    "ConsentSource",
    "DeletionLog",
    "DeletionReason",
    "LegalBasis",
    "PrivacyPolicyPage",
    "Purpose",
    "RetentionFailure",
    "RetentionStart",
    "Tag",
]

"""Purposes, the consent ledger and the records retention leaves behind.

Everything else in the project that holds personal data points at a :class:`Purpose`; the
ledger proves what each subject agreed to, in which words; :class:`DeletionLog` proves that
data was removed on time without keeping any of it.
"""

from .cookies import CookieCategory, CookiePolicySettings, Tag
from .deletion import DeletionLog, DeletionReason, RetentionFailure
from .ledger import ConsentDecision, ConsentRecord, ConsentSource
from .policy import PrivacyPolicyPage
from .purposes import RECORD_FIELDS, LegalBasis, OutcomeRetention, Purpose, RetentionStart

__all__ = [
    "RECORD_FIELDS",
    "ConsentDecision",
    "ConsentRecord",
    "CookieCategory",
    "CookiePolicySettings",
    "ConsentSource",
    "DeletionLog",
    "DeletionReason",
    "LegalBasis",
    "OutcomeRetention",
    "PrivacyPolicyPage",
    "Purpose",
    "RetentionFailure",
    "RetentionStart",
    "Tag",
]

# Newsletter sign-ups and data-subject requests (the preference centre and request page).
from .requests import DataSubjectRequest, RequestAnswer, RequestKind, RequestStatus  # noqa: E402
from .subscriptions import PendingSignup  # noqa: E402

__all__ += ["DataSubjectRequest", "PendingSignup", "RequestAnswer", "RequestKind", "RequestStatus"]
from .request_page import DataRequestPage  # noqa: E402
from .request_replies import (  # noqa: E402
    OUTCOMES_BY_KIND,
    RecipientNotice,
    ReplyOutcome,
    RequestReply,
)

__all__ += [
    "DataRequestPage",
    "OUTCOMES_BY_KIND",
    "RecipientNotice",
    "ReplyOutcome",
    "RequestReply",
]
from .controller import ControllerIdentity  # noqa: E402

__all__ += ["ControllerIdentity"]
from .links import EmailLink, SpentLink  # noqa: E402

__all__ += ["EmailLink", "SpentLink"]
from .mail import MailStatus, OutgoingMail  # noqa: E402

__all__ += ["MailStatus", "OutgoingMail"]
from .exports import ExportLog, logged_expired  # noqa: E402

__all__ += ["ExportLog", "logged_expired"]

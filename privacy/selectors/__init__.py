"""Reads other apps and the admin share.

By topic: :mod:`.controller` (who is responsible, where the policy is, the lines every notice
states), :mod:`.purposes`, :mod:`.consents` (the ledger) and :mod:`.requests`. Import from
here: ``privacy.selectors.<name>`` is the public surface.
"""

from .consents import (
    consent_decision_label,
    consent_is_granted,
    consent_period_ending,
    consents_current,
    consents_for_email,
    consents_for_source,
    subject_restricted,
    subscribers_current,
)
from .controller import (
    IDENTITY_CACHE_KEY,
    SITE_NAME_CACHE_KEY,
    consent_withdrawal_text,
    controller_identity,
    controller_identity_invalidate,
    controller_name,
    objection_text,
    policy_page_url,
    privacy_contact_email,
    privacy_policy_url,
    purpose_policy_url,
)
from .purposes import (
    PurposeNotice,
    each_in_language,
    in_language,
    processing_register,
    purpose_get,
    purpose_is_consent,
    purpose_names,
    purpose_notice,
    purpose_notices,
    purposes_chosen,
    purposes_for_forms,
    purposes_for_locale,
)
from .requests import requests_by_deadline, requests_deadline_counts

__all__ = [
    "IDENTITY_CACHE_KEY",
    "PurposeNotice",
    "SITE_NAME_CACHE_KEY",
    "consent_decision_label",
    "consent_is_granted",
    "consent_period_ending",
    "consent_withdrawal_text",
    "consents_current",
    "consents_for_email",
    "consents_for_source",
    "controller_identity",
    "controller_identity_invalidate",
    "controller_name",
    "each_in_language",
    "in_language",
    "objection_text",
    "policy_page_url",
    "privacy_contact_email",
    "privacy_policy_url",
    "processing_register",
    "purpose_get",
    "purpose_is_consent",
    "purpose_names",
    "purpose_notice",
    "purpose_notices",
    "purpose_policy_url",
    "purposes_chosen",
    "purposes_for_forms",
    "purposes_for_locale",
    "requests_by_deadline",
    "requests_deadline_counts",
    "subject_restricted",
    "subscribers_current",
]

"""Everything in careers with side effects, as keyword-only, typed functions.

Status changes are refused (``PermissionDenied``) to anyone but the ``Recruitment`` group and
superusers here, so no screen can forget the rule.
"""

from .applications import (
    application_create,
    application_form_fields_default,
    application_note_add,
    application_status_change,
)
from .links import (
    application_for_renew_token,
    application_for_withdraw_token,
    application_renew_url,
    application_talent_pool_renew,
    application_talent_pool_renew_by_token,
    application_withdraw,
    application_withdraw_url,
)
from .talent_pool import application_talent_pool_end, talent_pool_reminders_send

__all__ = [
    "application_create",
    "application_for_renew_token",
    "application_for_withdraw_token",
    "application_form_fields_default",
    "application_note_add",
    "application_renew_url",
    "application_status_change",
    "application_talent_pool_end",
    "application_talent_pool_renew",
    "application_talent_pool_renew_by_token",
    "application_withdraw",
    "application_withdraw_url",
    "talent_pool_reminders_send",
]

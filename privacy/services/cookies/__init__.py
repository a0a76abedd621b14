"""Cookie consent: reading the visitor's choice, recording a new one, applying it.

The choice lives in a signed first-party cookie (so a tampered value is simply ignored) that
names the cookie policy version it was given for; the proof lives in the consent ledger, one
record per non-essential category, under the pseudonymous consent id the cookie carries.

By part: :mod:`.categories` (what every page needs, cached), :mod:`.choice` (the cookie) and
:mod:`.record` (the proof). Import from here.
"""

from ...models.cookies import ESSENTIAL
from .categories import (
    CHOICE_PERIOD,
    SETUP_CACHE_KEY,
    SETUP_CACHE_SECONDS,
    CategoryView,
    CookieSetup,
    TagView,
    connect,
    cookie_categories,
    cookie_max_age,
    cookie_setup,
    cookie_setup_invalidate,
)
from .choice import (
    CONSENT_ID,
    SALT,
    Button,
    CookieChoice,
    CookieChoiceError,
    CookieChoiceResult,
    cookie_choice_apply,
    cookie_choice_current,
    cookie_choice_read,
    cookie_name,
    gpc_enabled,
    gpc_refused_categories,
    policy_version,
)
from .record import (
    MAX_PAGE_LENGTH,
    SOURCE_REF_LENGTH,
    cookie_category_revision,
    cookie_choice_record,
    cookie_purpose_ensure,
)

__all__ = [
    "ESSENTIAL",
    "Button",
    "CHOICE_PERIOD",
    "CONSENT_ID",
    "CategoryView",
    "CookieChoice",
    "CookieChoiceError",
    "CookieChoiceResult",
    "CookieSetup",
    "MAX_PAGE_LENGTH",
    "SALT",
    "SETUP_CACHE_KEY",
    "SETUP_CACHE_SECONDS",
    "SOURCE_REF_LENGTH",
    "TagView",
    "connect",
    "cookie_categories",
    "cookie_category_revision",
    "cookie_choice_apply",
    "cookie_choice_current",
    "cookie_choice_read",
    "cookie_choice_record",
    "cookie_max_age",
    "cookie_name",
    "cookie_purpose_ensure",
    "cookie_setup",
    "cookie_setup_invalidate",
    "gpc_enabled",
    "gpc_refused_categories",
    "policy_version",
]

"""Local development: DEBUG on unless the environment says otherwise.

The second factor is not enforced here unless ``ADMIN_2FA_ENFORCED=true`` (read in base), so
a newcomer signs in to ``make run`` with the printed password; the CSP is the production one.
"""

from .base import *  # noqa: F403
from .base import DEBUG_FROM_ENV

if not DEBUG_FROM_ENV:
    DEBUG = True

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}

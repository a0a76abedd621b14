"""Local development: DEBUG on unless the environment says otherwise.

The second factor is not enforced here unless ``ADMIN_2FA_ENFORCED=true`` (read in base), so
a newcomer signs in to ``make run`` with the printed password; the CSP is the production one.
"""

from .base import *  # noqa: F403
from .base import CORS_ALLOWED_ORIGINS_FROM_ENV, DEBUG_FROM_ENV

if not DEBUG_FROM_ENV:
    DEBUG = True

# A front-end team starts its development server on port 3000 with no configuration.
if CORS_ALLOWED_ORIGINS_FROM_ENV is None:
    CORS_ALLOWED_ORIGINS = ["http://localhost:3000", "http://127.0.0.1:3000"]

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}

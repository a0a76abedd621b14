"""Local development: DEBUG on unless the environment says otherwise."""

from .base import *  # noqa: F403
from .base import DEBUG_FROM_ENV

if not DEBUG_FROM_ENV:
    DEBUG = True

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}

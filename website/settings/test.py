"""Test runs: fast hashing, in-memory e-mail, private files in a throw-away folder."""

import os
import tempfile

from .base import *  # noqa: F403

# The suite runs with the second factor enforced, as production does; tests/conftest.py makes
# ``Client.force_login`` a session that has passed it.
ADMIN_2FA_ENFORCED = True

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
_tmp = tempfile.mkdtemp(prefix="website-tests-")
MEDIA_ROOT = f"{_tmp}/media"
if STORAGES["private"]["BACKEND"].endswith("FileSystemStorage"):  # noqa: F405
    STORAGES["private"]["OPTIONS"]["location"] = f"{_tmp}/private"  # noqa: F405
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

STATIC_ROOT = f"{_tmp}/static"
os.makedirs(STATIC_ROOT, exist_ok=True)

# Real tables for tests: a model declaring PersonalData, a page type built on the forms base.
INSTALLED_APPS = [*INSTALLED_APPS, "tests.privacy.testapp", "tests.forms.testapp"]  # noqa: F405

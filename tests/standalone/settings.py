"""A minimal Wagtail site with the four plugins of this project installed: ``privacy``,
``forms``, ``careers`` and ``events``.

No ``home``, no ``website``: it proves the plugins install into another Wagtail site with
their own templates, translations, migrations and documented settings. The site supplies
``base.html`` (here in ``templates/``), as every Wagtail site does, and names its staff
groups its own way. Run with ``pytest tests/standalone --ds=tests.standalone.settings``.
"""

import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
_tmp = tempfile.mkdtemp(prefix="standalone-tests-")

SECRET_KEY = "standalone-tests-only"  # noqa: S105
PRIVACY_HASH_KEY = "standalone-tests-only-hash-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "tests.standalone.urls"

INSTALLED_APPS = [
    "privacy",
    "forms",
    "careers",
    "events",
    # The site's own app, after the plugins: it ships purposes of its own.
    "tests.standalone.siteapp",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.settings",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_recaptcha",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [HERE / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "en"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("en", "English")]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

STATIC_URL = "/static/"
STATIC_ROOT = f"{_tmp}/static"
MEDIA_ROOT = f"{_tmp}/media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "privacy.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": f"{_tmp}/private"},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
DEFAULT_FROM_EMAIL = "site@example.org"

# Another site's names for the plugins' staff groups: migrations, permissions and the
# admin follow them.
PRIVACY_OFFICERS_GROUP = "Data protection"
CAREERS_RECRUITMENT_GROUP = "HR"
EVENTS_GROUP = "Organisers"

WAGTAIL_SITE_NAME = "Another site"
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
SILENCED_SYSTEM_CHECKS = ["django_recaptcha.recaptcha_test_key_error"]

"""The test settings with tasks waiting in the database for a real ``db_worker``, and e-mail
over SMTP to the server the test starts (``EMAIL_HOST``/``EMAIL_PORT`` in the environment,
read by ``website.settings.base``). Tries come seconds apart instead of hours."""

from website.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_TIMEOUT = 10
PRIVACY_MAIL_RETRY_DELAYS = (1, 2, 4, 8, 16, 32)
PRIVACY_MAIL_CLAIM_SECONDS = 12

# The site as it runs, without the suite's own test apps (whose models only the suite needs).
INSTALLED_APPS = [app for app in INSTALLED_APPS if not app.startswith("tests.")]  # noqa: F405

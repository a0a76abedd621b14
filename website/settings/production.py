"""Production: secure by default, refuses to start with development secrets.

reCAPTCHA is optional: without ``RECAPTCHA_*`` keys the forms are protected by the rate limit
and a honeypot, and ``check --deploy`` warns (``forms.W001``). Keys that are set must be real.
"""

from django_recaptcha.constants import TEST_PRIVATE_KEY as _RECAPTCHA_TEST_PRIVATE_KEY
from django_recaptcha.constants import TEST_PUBLIC_KEY as _RECAPTCHA_TEST_PUBLIC_KEY

from .base import *  # noqa: F403
from .base import (
    PRIVACY_HASH_KEY,
    RECAPTCHA_PRIVATE_KEY,
    RECAPTCHA_PUBLIC_KEY,
    RECAPTCHA_REQUIRED_SCORE,
    RECAPTCHA_VERSION,
    REDIS_URL,
    SECRET_KEY,
    SMTP_HOST,
)

DEBUG = False


class InsecureProductionSettings(RuntimeError):
    """Raised while loading these settings when a secret is missing or unsafe.

    Not an ``ImproperlyConfigured``: Django's command runner swallows that one while it
    imports settings, so ``manage.py check --deploy`` would report "no issues" on a
    deployment that must not start.
    """


if SECRET_KEY.startswith("dev-only") or len(SECRET_KEY) < 50:
    raise InsecureProductionSettings("Set SECRET_KEY to a random value of at least 50 characters.")
if PRIVACY_HASH_KEY.startswith("dev-only") or len(PRIVACY_HASH_KEY) < 32:
    raise InsecureProductionSettings(
        "Set PRIVACY_HASH_KEY to a random value of at least 32 characters: consent proofs "
        "kept after the data is gone hold only an address hashed with it."
    )
if bool(RECAPTCHA_PUBLIC_KEY) != bool(RECAPTCHA_PRIVATE_KEY):
    raise InsecureProductionSettings(
        "Set both RECAPTCHA_PUBLIC_KEY and RECAPTCHA_PRIVATE_KEY, or neither (no reCAPTCHA)."
    )
if (
    RECAPTCHA_PUBLIC_KEY == _RECAPTCHA_TEST_PUBLIC_KEY
    or RECAPTCHA_PRIVATE_KEY == _RECAPTCHA_TEST_PRIVATE_KEY
):
    raise InsecureProductionSettings(
        "Google's reCAPTCHA test keys accept every visitor; set real keys."
    )
if RECAPTCHA_VERSION not in ("v2", "v3"):
    raise InsecureProductionSettings("Set RECAPTCHA_VERSION to v2 (checkbox) or v3 (scored).")
if RECAPTCHA_VERSION == "v3" and not 0 < RECAPTCHA_REQUIRED_SCORE <= 1:
    raise InsecureProductionSettings(
        "reCAPTCHA v3 needs a score threshold: set RECAPTCHA_REQUIRED_SCORE above 0, at most 1."
    )

if not REDIS_URL:
    raise InsecureProductionSettings(
        "Set REDIS_URL: every web process must share one cache, or the rate limit counts "
        "per process and an editor's change is seen by one process only."
    )

if not SMTP_HOST:
    # Development prints every e-mail, links to consents and answers included, into the log.
    raise InsecureProductionSettings(
        "Set EMAIL_HOST: without a mail server, e-mails and the signed links in them would "
        "be printed into the log instead of sent."
    )

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
# HSTS: SECURE_HSTS_SECONDS, SECURE_HSTS_INCLUDE_SUBDOMAINS and SECURE_HSTS_PRELOAD come from
# the environment (website.settings.base): preloading is opt-in, being hard to take back.
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Every member of a group in ADMIN_2FA_GROUPS (and every superuser) passes a second factor.
ADMIN_2FA_ENFORCED = True

# Sessions live in the database and are cached in Redis: losing Redis signs nobody out.
SESSION_ENGINE = "website.sessions"

# Tasks wait in the database for `manage.py db_worker`: a slow or absent mail server never
# holds up a visitor, and no mail is lost with a web process.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

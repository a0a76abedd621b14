"""Settings shared by every mode.

Every value that differs between machines is read from the environment here and nowhere
else; ``dev``, ``test`` and ``production`` only adjust behaviour on top of it.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONCE
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def _client_urls_parse(value: str) -> dict[str, str]:
    """``"http://localhost:3000"`` (every site) or ``"default=https://a,www.example.org=https://b"``."""
    urls: dict[str, str] = {}
    for item in (part.strip() for part in value.split(",")):
        host, sep, url = item.partition("=")
        if not item:
            continue
        if sep and not item.startswith(("http://", "https://")):
            urls[host.strip()] = url.strip()
        else:
            urls["default"] = item
    return urls


# --- Environment -------------------------------------------------------------------------
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-change-me")
# Keys the consent ledger hashes addresses with once the data they covered is gone (HMAC);
# old keys stay readable for look-ups until their rows have expired (see README, Privacy).
PRIVACY_HASH_KEY = os.environ.get("PRIVACY_HASH_KEY", "dev-only-insecure-hash-key")
PRIVACY_HASH_KEYS_OLD = env_list("PRIVACY_HASH_KEYS_OLD")
# The API (website/api.py) that mounts privacy's router: the cookie banner posts there.
PRIVACY_API_NAMESPACE = "website-api"
# The consent purposes the sign-up form and the preference centre offer, in this order.
PRIVACY_NEWSLETTER_TOPICS = ["newsletter", "event-invitations", "publications", "surveys"]
DEBUG_FROM_ENV = os.environ.get("DEBUG", "")  # dev.py turns DEBUG on when this is unset
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Front-ends on other origins (scheme://host:port) whose browsers may call /api/ (CORS) and,
# with the token from /api/csrf, send to it. dev.py starts with the usual development
# front-end origins when this is unset; production has no default.
CORS_ALLOWED_ORIGINS_FROM_ENV = os.environ.get("CORS_ALLOWED_ORIGINS")
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
DATABASE_URL = os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
REDIS_URL = os.environ.get("REDIS_URL", "")
# The code's release (the image's tag, a commit): the shared cache keeps each release's
# values apart, so a process of the next release never unpickles what this one stored.
RELEASE = os.environ.get("RELEASE", "")
# `make run PORT=8123` serves at that port; without SITE_BASE_URL every absolute link
# (hreflang, API, the admin link in notifications) follows it.
PORT = os.environ.get("PORT", "8000")
SITE_BASE_URL = os.environ.get("SITE_BASE_URL") or f"http://127.0.0.1:{PORT}"

SMTP_HOST = os.environ.get("EMAIL_HOST", "")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "website@example.org")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Private files (CVs, attachments): a local folder outside MEDIA_ROOT unless a bucket is set.
PRIVATE_STORAGE_ROOT = os.environ.get("PRIVATE_STORAGE_ROOT", str(BASE_DIR / "private"))
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME", "eu-west-1")
AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
AWS_ACCESS_KEY_ID = os.environ.get("AWS_ACCESS_KEY_ID") or None
AWS_SECRET_ACCESS_KEY = os.environ.get("AWS_SECRET_ACCESS_KEY") or None

RECAPTCHA_PUBLIC_KEY = os.environ.get("RECAPTCHA_PUBLIC_KEY", "")
RECAPTCHA_PRIVATE_KEY = os.environ.get("RECAPTCHA_PRIVATE_KEY", "")
# "v2" (checkbox) or "v3" (invisible, scored).
RECAPTCHA_VERSION = os.environ.get("RECAPTCHA_VERSION", "v2")
# v3 only: submissions scoring below this are refused; v3 never runs without a threshold.
RECAPTCHA_REQUIRED_SCORE = float(os.environ.get("RECAPTCHA_REQUIRED_SCORE") or "0.5")

# How many reverse proxies in front of the app append to X-Forwarded-For; 0 trusts none.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# Public form submissions per client address: "<count>/<s|m|h|d>", e.g. "10/m"; "0" turns it off.
FORMS_RATE_LIMIT = os.environ.get("FORMS_RATE_LIMIT", "10/m")

# Virus scanning of uploads through clamd: a Unix socket path, or a host and port. Unset: no
# scan. When clamd does not answer, submissions with files are refused (503) unless
# CLAMAV_REQUIRED is false; then they are accepted and their files marked "not scanned".
CLAMAV_SOCKET = os.environ.get("CLAMAV_SOCKET", "")
CLAMAV_HOST = os.environ.get("CLAMAV_HOST", "")
CLAMAV_PORT = int(os.environ.get("CLAMAV_PORT", "3310"))
CLAMAV_TIMEOUT = float(os.environ.get("CLAMAV_TIMEOUT", "30"))
CLAMAV_REQUIRED = env_bool("CLAMAV_REQUIRED", True)

# The address published in /.well-known/security.txt for reports of security problems.
SECURITY_CONTACT = os.environ.get("SECURITY_CONTACT", "security@example.org")

# Front-ends told of every publish, unpublish, move and delete (signed webhooks, for
# incremental rebuilds): comma-separated URLs, the HMAC secret, seconds to wait for each.
HEADLESS_WEBHOOK_URLS = env_list("HEADLESS_WEBHOOK_URLS")
HEADLESS_WEBHOOK_SECRET = os.environ.get("HEADLESS_WEBHOOK_SECRET", "")
HEADLESS_WEBHOOK_TIMEOUT = float(os.environ.get("HEADLESS_WEBHOOK_TIMEOUT") or "3")
# The CDN or cache purged on those changes: an HTTP purge address (Varnish, nginx), or
# Cloudflare (token and zone), or CloudFront (distribution id, AWS credentials as above).
FRONTEND_CACHE_PURGE_URL = os.environ.get("FRONTEND_CACHE_PURGE_URL", "")
CLOUDFLARE_BEARER_TOKEN = os.environ.get("CLOUDFLARE_BEARER_TOKEN", "")
CLOUDFLARE_ZONE_ID = os.environ.get("CLOUDFLARE_ZONE_ID", "")
CLOUDFRONT_DISTRIBUTION_ID = os.environ.get("CLOUDFRONT_DISTRIBUTION_ID", "")
# The front-end's address per site for previews of drafts:
# "http://localhost:3000" for every site, or "default=https://www.example.org,..." per site.
HEADLESS_PREVIEW_CLIENT_URLS_FROM_ENV = os.environ.get("HEADLESS_PREVIEW_CLIENT_URLS", "")
# When the front-end is the public site: its address ("https://www.example.org", or
# "http://localhost:3000/#" for a front-end that routes by hash). A page's own address then
# redirects there with its path, so the admin's "View live" opens the front-end. Unset, the
# server-rendered pages answer as usual.
HEADLESS_SERVE_BASE_URL = os.environ.get("HEADLESS_SERVE_BASE_URL", "")

# /healthz answers 503 once the oldest task ready to run has waited this long (seconds): no
# worker is taking the queue.
HEALTH_TASK_QUEUE_MAX_AGE = int(os.environ.get("HEALTH_TASK_QUEUE_MAX_AGE", str(15 * 60)))

# --- Staff accounts -----------------------------------------------------------------------
# Who must pass a second factor (TOTP app or passkey) before any admin view answers: members
# of these groups, and superusers unless ADMIN_2FA_SUPERUSERS is off. Production always
# enforces it; development only when ADMIN_2FA_ENFORCED is on; tests always.
# The staff groups, by name: each plugin reads its own through its conf.py (where the same
# default is), its migrations create it, and the second factor below covers them all.
PRIVACY_OFFICERS_GROUP = os.environ.get("PRIVACY_OFFICERS_GROUP", "Privacy officers")
# Told of every confirmed data-subject request, with every superuser, when the officers'
# group has nobody with an address.
PRIVACY_CONTACT_EMAIL = os.environ.get("PRIVACY_CONTACT_EMAIL", "")
# The e-mail campaign provider's bearer key for /api/privacy/subscribers/<topic> and its
# unsubscribe webhook, /api/privacy/unsubscribe; unset, both refuse everyone.
PRIVACY_CAMPAIGN_API_KEY = os.environ.get("PRIVACY_CAMPAIGN_API_KEY", "")
CAREERS_RECRUITMENT_GROUP = os.environ.get("CAREERS_RECRUITMENT_GROUP", "Recruitment")
EVENTS_GROUP = os.environ.get("EVENTS_GROUP", "Events")
# The chamber's secretariat reads the contact and membership inboxes (made by load_demo).
SECRETARIAT_GROUP = os.environ.get("SECRETARIAT_GROUP", "Secretariat")
ADMIN_2FA_GROUPS = env_list(
    "ADMIN_2FA_GROUPS",
    ",".join([SECRETARIAT_GROUP, CAREERS_RECRUITMENT_GROUP, EVENTS_GROUP, PRIVACY_OFFICERS_GROUP]),
)
ADMIN_2FA_SUPERUSERS = env_bool("ADMIN_2FA_SUPERUSERS", True)
ADMIN_2FA_ENFORCED = env_bool("ADMIN_2FA_ENFORCED", False)
# Admin sessions end after this much inactivity, and after this long in all (seconds).
ADMIN_SESSION_IDLE_TIMEOUT = int(os.environ.get("ADMIN_SESSION_IDLE_TIMEOUT", str(30 * 60)))
ADMIN_SESSION_MAX_AGE = int(os.environ.get("ADMIN_SESSION_MAX_AGE", str(12 * 60 * 60)))
# Failed logins per username and client address before the pair is refused for a while.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_MINUTES = int(os.environ.get("AXES_COOLOFF_MINUTES", "15"))
# HSTS, sent on HTTPS responses (seconds; 0 turns it off). The preload directive only makes
# the domain eligible for the browsers' preload list: it is listed once submitted, and taking
# it off the list takes months. SECURE_HSTS_PRELOAD=false leaves the directive out.
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 60 * 60)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

# --- Applications -----------------------------------------------------------------------
INSTALLED_APPS = [
    "website",
    "corsheaders",
    "home",
    "privacy",
    "forms",
    "careers",
    "events",
    "plone_import",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail_headless_preview",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.simple_translation",
    "wagtail.api.v2",
    "wagtail.embeds",
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
    "django_filters",
    "rest_framework",
    # Serves Swagger UI's own files for /api/docs: the docs load nothing from another host.
    "ninja",
    "django_recaptcha",
    "storages",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "axes",
    # Background work: Wagtail's own tasks and every e-mail (privacy.tasks), run by
    # ``manage.py db_worker`` in production.
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # Before everything: probes pass neither ALLOWED_HOSTS nor the HTTPS redirect, and make
    # no session, no CSP header and no rate-limit count (see website.health).
    "website.health.HealthCheckMiddleware",
    # First of the rest, so every answer under /api/ (a 413, a 429, a redirect) carries its CORS headers.
    "corsheaders.middleware.CorsMiddleware",
    # Outside the locale middleware, so the ETag covers the Content-Language and Vary it adds.
    "website.middleware.ApiConditionalGetMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "website.security.headers.PermissionsPolicyMiddleware",
    "website.security.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's, except that API 404s are not redirected to a language-prefixed page URL.
    "website.middleware.LocaleMiddleware",
    # Before anything reads a request body (CSRF reads POST), so oversized bodies stay unread.
    "website.middleware.RequestBodyLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # The APIs' views are exempt from the one above; browsers sending to them are checked here.
    "website.middleware.ApiCsrfMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After the user and the messages are known: an expired admin session logs out first,
    # then an unverified member of a 2FA group is sent to verification or enrolment.
    "website.security.sessions.AdminSessionExpiryMiddleware",
    "website.security.twofactor.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so it sees every failed login after the views ran.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out username and address before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "website.urls"
WSGI_APPLICATION = "website.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Persistent connections, checked before each request reuses one: after a database restart
# the first request gets a new connection instead of an error.
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers take the lock when their transaction starts and wait for each other instead of
    # failing with "database is locked" halfway (two retention runs, a run beside the site).
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 20}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if REDIS_URL:
    CACHES = {
        "default": {
            # Django's RedisCache, except that while Redis does not answer pages are served
            # as on an empty cache instead of failing (website/cache.py).
            "BACKEND": "website.cache.OutageTolerantRedisCache",
            "LOCATION": REDIS_URL,
            # During a rolling deploy two releases share Redis: each reads only its own
            # values, and an edit through either forgets the other's copies.
            "KEY_PREFIX": RELEASE,
            # A Redis that does not answer fails fast.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "website",
        }
    }

# --- Background tasks ---------------------------------------------------------------------
# Wagtail's own background work (search and reference index, renditions, file deletion) and
# every e-mail run as django-tasks. Here they run at once, in the request, so `make run` and
# the tests need no worker; production (website.settings.production) stores them in the
# database for `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages --------------------------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("nl", _("Dutch")),
    ("fr", _("French")),
    ("en", _("English")),
]
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# --- Files --------------------------------------------------------------------------------
STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "website" / "static"]
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media/"

if AWS_STORAGE_BUCKET_NAME:
    PRIVATE_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "region_name": AWS_S3_REGION_NAME,
            "endpoint_url": AWS_S3_ENDPOINT_URL,
            "access_key": AWS_ACCESS_KEY_ID,
            "secret_key": AWS_SECRET_ACCESS_KEY,
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": 60,
            # Signature V4: every S3 region accepts it (newer ones accept nothing else), and
            # a presigned URL then states its own lifetime (X-Amz-Expires).
            "signature_version": "s3v4",
            "file_overwrite": False,
            "object_parameters": {"ServerSideEncryption": "AES256"},
        },
    }
else:
    PRIVATE_STORAGE = {
        "BACKEND": "privacy.storage.PrivateFileSystemStorage",
        "OPTIONS": {
            "location": PRIVATE_STORAGE_ROOT,
            "file_permissions_mode": 0o600,
            "directory_permissions_mode": 0o700,
        },
    }

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": PRIVATE_STORAGE,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Uploads larger than this go to a temporary file instead of memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Global cap on a request body (files excluded): 10,000 fields is Wagtail's recommendation.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Global cap on a whole request, files included; larger bodies get 413.
REQUEST_MAX_BODY_SIZE = int(os.environ.get("REQUEST_MAX_BODY_SIZE", str(25 * 1024 * 1024)))

# --- E-mail -------------------------------------------------------------------------------
EMAIL_HOST = SMTP_HOST or "localhost"
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# Seconds a send may wait on the mail server before the worker tries again later; shorter
# than PRIVACY_MAIL_CLAIM_SECONDS, so a slow send is never handed to a second worker.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if SMTP_HOST
    else "django.core.mail.backends.console.EmailBackend"
)

# --- Security headers and cookies ---------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# The cookie dies with the longest a session may last; website.security.sessions ends it
# earlier after ADMIN_SESSION_IDLE_TIMEOUT without a request.
SESSION_COOKIE_AGE = ADMIN_SESSION_MAX_AGE
SESSION_COOKIE_SAMESITE = "Lax"
# No script reads the CSRF cookie: Wagtail's admin, wagtail-localize and the passkey scripts
# take the token from the page (wagtailConfig, json_script), forms carry it as a field.
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"

# Features the site never uses, refused to the page and to anything it embeds. Passkeys
# (publickey-credentials-*) stay at the browser's default: this origin only.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "xr-spatial-tracking",
    )
}

# One policy for every response, development included, so a violation shows while building.
# Public pages run only the site's own script files: no inline script, no eval, nothing
# from another host. Two places widen it, each in website.security.csp: the admin (its
# editors need inline styles, previews in a frame of its own and image previews from
# blob:/data: URLs) and pages that render a reCAPTCHA (Google's script and frame hosts).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# --- Headless front-ends -------------------------------------------------------------------
# CORS only under /api/: pages, the admin and files answer their own origin alone. Browsers
# send cookies (the CSRF token's, the cookie choice) with credentials: "include".
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_CREDENTIALS = True
CORS_ALLOW_HEADERS = [
    "accept",
    "accept-language",
    "content-type",
    "if-none-match",
    "x-csrftoken",
]
CORS_EXPOSE_HEADERS = ["Content-Language", "ETag", "Retry-After"]
CORS_PREFLIGHT_MAX_AGE = 3600

WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": _client_urls_parse(HEADLESS_PREVIEW_CLIENT_URLS_FROM_ENV),
    # The admin's preview panel goes straight to the front-end (no framing page in between).
    "REDIRECT_ON_PREVIEW": True,
    "SERVE_BASE_URL": HEADLESS_SERVE_BASE_URL or None,
}
# How long a preview link works.
HEADLESS_PREVIEW_TOKEN_SECONDS = 3600

WAGTAILFRONTENDCACHE = {}
if FRONTEND_CACHE_PURGE_URL:
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": FRONTEND_CACHE_PURGE_URL,
    }
if CLOUDFLARE_BEARER_TOKEN and CLOUDFLARE_ZONE_ID:
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": CLOUDFLARE_BEARER_TOKEN,
        "ZONEID": CLOUDFLARE_ZONE_ID,
    }
if CLOUDFRONT_DISTRIBUTION_ID:
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": CLOUDFRONT_DISTRIBUTION_ID,
    }

# --- Two-factor authentication, passkeys, login throttling ----------------------------------
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Chamber of commerce")
OTP_WEBAUTHN_RP_NAME = OTP_TOTP_ISSUER
# Passkeys are bound to this domain: the public host name of the site.
OTP_WEBAUTHN_RP_ID = urlsplit(SITE_BASE_URL).hostname or "localhost"
# WebAuthn is refused on plain http: on a development server (http://127.0.0.1) passkeys are
# offered but cannot be registered; TOTP works everywhere.
OTP_WEBAUTHN_ALLOWED_ORIGINS = [
    SITE_BASE_URL.rstrip("/")
    if SITE_BASE_URL.startswith("https://")
    else f"https://{OTP_WEBAUTHN_RP_ID}"
]
# A passkey is the second factor after the password, never a way around it (and axes).
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False

AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = timedelta(minutes=AXES_COOLOFF_MINUTES)
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "website.security.lockout.client_ip"
AXES_LOCKOUT_CALLABLE = "website.security.lockout.lockout_response"
# Attempts are logged without the submitted credentials; the username stays, as the key.
AXES_SENSITIVE_PARAMETERS = ["password"]
AXES_VERBOSE = False
# No log of successful sign-ins with addresses and browsers: nothing reads it, and the
# failures that matter live only until their cool-off ends.
AXES_DISABLE_ACCESS_LOG = True

# --- Wagtail ------------------------------------------------------------------------------
# In the admin user's language, as the rest of the admin (Wagtail reads it per request).
WAGTAIL_SITE_NAME = _("Chamber of commerce")
WAGTAILADMIN_BASE_URL = SITE_BASE_URL
# Background autosave is off (Wagtail's documented setting; 0 turns it off). With it on,
# a new page whose publication was refused is saved as a draft behind the editor's back
# (required fields are deferred for drafts), and the inline form fields depend on the
# browser applying the server's field updates before the next save, which Wagtail does not
# always do (wagtail/wagtail#14568: children inserted again on each save). Editors save
# with the buttons; the concurrent-editing notices still work.
WAGTAIL_AUTOSAVE_INTERVAL = 0
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILAPI_BASE_URL = SITE_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100
# Rich text as display HTML, links to pages and documents resolved, not Wagtail's db_html.
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
# Staff avatars from Gravatar would tell a third party who uses the admin, and need its host.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The dashboard's upgrade notice fetches releases.wagtail.org from the editor's browser:
# a third-party request the CSP refuses; upgrades are the maintainers' business.
WAGTAIL_ENABLE_UPDATE_CHECK = False

REST_FRAMEWORK = {"DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]}

# django-recaptcha refuses to run without keys unless its test keys are explicitly allowed;
# development leaves the keys empty and the forms app skips the field then.
SILENCED_SYSTEM_CHECKS = ["django_recaptcha.recaptcha_test_key_error"]

# Dates in the Benelux way in every language: day before month, or the month spelled out.
FORMAT_MODULE_PATH = ["website.formats"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Signed links (confirmations, preferences, answers) never reach the log whole: Django's
    # request log writes the path of every 4xx and 5xx.
    "filters": {"mask_tokens": {"()": "privacy.log_filters.TokenMaskFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["mask_tokens"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Libraries that report every step at INFO: a task's each state change (django_tasks,
    # twice per page save with the immediate backend), each page created, edited or
    # published (wagtail: the admin's history records these already), each index update.
    # They drowned `load_demo` and the server's log; their warnings and errors still show.
    "loggers": {
        name: {"level": "WARNING"} for name in ("django_tasks", "wagtail", "modelsearch", "axes")
    },
}

# --- Plone import (manage.py import_plone) ------------------------------------------------
# The page models Plone's types become; the form inbox and purpose imported forms state.
PLONE_IMPORT_PAGE_MODEL = "home.StandardPage"
PLONE_IMPORT_NEWS_MODEL = "home.NewsPage"
PLONE_IMPORT_DESCRIPTION_FIELDS = ("search_description", "intro")
PLONE_IMPORT_INBOX = "Contact requests"
PLONE_IMPORT_PURPOSE = "answer-request"
PLONE_IMPORT_EVENT_INBOX = "Event registrations"

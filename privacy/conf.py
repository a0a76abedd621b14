"""The privacy app's settings, each with a default; read them here, nowhere else.

A site that installs the plugins sets only what it wants to change. The few settings every
plugin shares (the site's and the admin's address, the trusted proxies) are read here too,
as the lowest app; the other apps' ``conf`` modules hand them on.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def get(name: str, default):
    return getattr(settings, f"PRIVACY_{name}", default)


def default_language() -> str:
    """The site's default content language, as Wagtail reads ``LANGUAGE_CODE``: the code of
    ``Locale.get_default()``, without asking the database."""
    from wagtail.coreutils import get_supported_content_language_variant

    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def hash_key() -> str:
    """The secret addresses are hashed with (``PRIVACY_HASH_KEY``)."""
    key = get("HASH_KEY", "")
    if not key:
        raise ImproperlyConfigured("Set PRIVACY_HASH_KEY: consent proofs are hashed with it.")
    return key


def hash_keys() -> list[str]:
    """The current key first, then the old ones look-ups still try (``PRIVACY_HASH_KEYS_OLD``)."""
    return [hash_key(), *(key for key in get("HASH_KEYS_OLD", ()) if key)]


def policy_url() -> str:
    """A fixed privacy policy address (``PRIVACY_POLICY_URL``); empty: look for the page."""
    return get("POLICY_URL", "")


def controller_name() -> str:
    """Who processes the data, when ``PRIVACY_CONTROLLER`` names it; empty: the site's name."""
    return get("CONTROLLER", "")


def supervisory_authorities() -> tuple[str, ...]:
    """The countries whose supervisory authority the policy names
    (``PRIVACY_SUPERVISORY_AUTHORITIES``; codes of :data:`privacy.policy_facts.AUTHORITIES`)."""
    return tuple(get("SUPERVISORY_AUTHORITIES", ("BE", "NL", "LU")))


def officers_group() -> str:
    """The group that reads the consent ledger and answers data-subject requests
    (``PRIVACY_OFFICERS_GROUP``)."""
    return get("OFFICERS_GROUP", "Privacy officers")


def contact_email() -> str:
    """The privacy contact address (``PRIVACY_CONTACT_EMAIL``): told of every confirmed
    request when the officers' group has nobody with an address, and named to people on the
    page of an e-mail link that was used or cannot be used."""
    return get("CONTACT_EMAIL", "")


def officers_language() -> str:
    """The language officers are written to in (``PRIVACY_OFFICERS_LANGUAGE``)."""
    return get("OFFICERS_LANGUAGE", settings.LANGUAGE_CODE)


def request_link_days() -> int:
    """How long the link that confirms a data-subject request works (days)."""
    return int(get("REQUEST_LINK_DAYS", 7))


def answer_link_days() -> int:
    """How long the link to a request's answer works (days)."""
    return int(get("ANSWER_LINK_DAYS", 7))


def request_warning_days() -> int:
    """Days before a request's deadline the admin warns (``PRIVACY_REQUEST_WARNING_DAYS``)."""
    return int(get("REQUEST_WARNING_DAYS", 7))


def signup_link_days() -> int:
    """How long the newsletter confirmation link works (days)."""
    return int(get("SIGNUP_LINK_DAYS", 7))


def preference_link_days() -> int:
    """How long the preference-centre link in an e-mail works (days)."""
    return int(get("PREFERENCE_LINK_DAYS", 90))


def signup_resend_seconds() -> int:
    """How long before a second confirmation e-mail goes to the same address (seconds)."""
    return int(get("SIGNUP_RESEND_SECONDS", 300))


def cookie_consent_name() -> str:
    """The first-party cookie that stores a visitor's cookie choice."""
    return get("COOKIE_CONSENT_NAME", "cookie_consent")


def cookie_gpc_refused() -> tuple[str, ...]:
    """The cookie categories Global Privacy Control refuses by default."""
    return tuple(get("COOKIE_GPC_REFUSED", ("advertising", "social")))


def consent_proof_years() -> int:
    """How long a consent's proof is kept after the consent ended (years)."""
    return int(get("CONSENT_PROOF_YEARS", 5))


def newsletter_topics() -> tuple[str, ...]:
    """The consent purposes a visitor subscribes to, by key, in the order the sign-up form
    offers them (``PRIVACY_NEWSLETTER_TOPICS``). The site names them: the privacy core knows
    no topic of its own beyond the newsletter."""
    return tuple(get("NEWSLETTER_TOPICS", ("newsletter",)))


def campaign_api_key() -> str:
    """The e-mail campaign provider's key for the subscriber export and unsubscribe webhook
    (``PRIVACY_CAMPAIGN_API_KEY``); empty: both refuse everyone."""
    return get("CAMPAIGN_API_KEY", "")


def rate_limit() -> str:
    """Public privacy forms per client address (``PRIVACY_RATE_LIMIT``, as ``5/m``)."""
    return get("RATE_LIMIT", "5/m")


def mail_retry_delays() -> tuple[int, ...]:
    """Seconds to wait before each new try of a mail the server refused
    (``PRIVACY_MAIL_RETRY_DELAYS``): the default makes seven tries over about a day, after
    which the mail is listed as not delivered for the privacy officers."""
    return tuple(get("MAIL_RETRY_DELAYS", (60, 5 * 60, 30 * 60, 2 * 3600, 6 * 3600, 16 * 3600)))


def mail_claim_seconds() -> int:
    """How long a worker owns a mail it is sending (``PRIVACY_MAIL_CLAIM_SECONDS``); past it
    the worker is presumed dead and ``mail_requeue`` hands the mail to another. Longer than
    the mail server's timeout, so a slow send is never sent twice."""
    return int(get("MAIL_CLAIM_SECONDS", 10 * 60))


def mail_keep_days() -> int:
    """Days a sent mail's row, emptied of the person, is kept (``PRIVACY_MAIL_KEEP_DAYS``):
    long enough that a late retry of the same mail finds it sent."""
    return int(get("MAIL_KEEP_DAYS", 30))


def api_namespace() -> str:
    """The URL namespace of the site's API that mounts ``privacy.api`` (``PRIVACY_API_NAMESPACE``);
    empty: the namespace where that router's routes are found."""
    return get("API_NAMESPACE", "")


def content_languages() -> list[tuple[str, str]]:
    """The languages content is published in: Wagtail's setting, else Django's."""
    return list(getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", None) or settings.LANGUAGES)


def site_name() -> str:
    """The site's name when no Wagtail site names it (``WAGTAIL_SITE_NAME``)."""
    return str(getattr(settings, "WAGTAIL_SITE_NAME", ""))


def site_base_url() -> str:
    """The public address links in e-mails and calendar files start with (``SITE_BASE_URL``),
    else the admin's."""
    return getattr(settings, "SITE_BASE_URL", "") or admin_base_url()


def admin_base_url() -> str:
    """The admin's address links to admin screens start with (Wagtail's
    ``WAGTAILADMIN_BASE_URL``)."""
    return getattr(settings, "WAGTAILADMIN_BASE_URL", "")


def trusted_proxy_count() -> int:
    """How many proxies in front of the site append to X-Forwarded-For (``TRUSTED_PROXY_COUNT``)."""
    return int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0)

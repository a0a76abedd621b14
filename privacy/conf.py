"""The privacy app's settings, each with a default; read them here, nowhere else."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def get(name: str, default):
    return getattr(settings, f"PRIVACY_{name}", default)


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


def officers_group() -> str:
    """The group that reads the consent ledger and answers data-subject requests
    (``PRIVACY_OFFICERS_GROUP``)."""
    return get("OFFICERS_GROUP", "Privacy officers")


def subscription_topics() -> tuple[str, ...]:
    """The keys of the consent purposes a visitor can subscribe to, in the order the sign-up
    form and the preference centre show them (``PRIVACY_SUBSCRIPTION_TOPICS``); the site
    names its own, each a ``Purpose`` with the consent legal basis."""
    return tuple(get("SUBSCRIPTION_TOPICS", ("newsletter",)))

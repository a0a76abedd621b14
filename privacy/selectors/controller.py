"""Who the controller is and where the policy is, and the lines every notice and consent box states about them."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale, Site

from .. import conf
from ..models import ControllerIdentity, Purpose


def _language_code(locale: str | Locale | None) -> str:
    if isinstance(locale, Locale):
        return locale.language_code
    return locale or translation.get_language() or settings.LANGUAGE_CODE


def privacy_policy_url(locale: str | Locale | None = None) -> str:
    """The privacy policy's address in ``locale``, or "" when the site has none.

    ``PRIVACY_POLICY_URL`` wins when set (a policy published elsewhere); otherwise it is
    the live :class:`~privacy.models.PrivacyPolicyPage` (:func:`policy_page_url`).
    """
    return conf.policy_url() or policy_page_url(locale=locale) or ""


def purpose_policy_url(purpose: Purpose | str, locale: str | Locale | None = None) -> str:
    """Where the privacy policy explains ``purpose``: ``<policy url>#purpose-<key>``, or ""."""
    base = privacy_policy_url(locale)
    key = purpose if isinstance(purpose, str) else purpose.key
    return f"{base}#purpose-{key}" if base else ""


# Every notice, mail and form reads it; editors change it rarely. Retired on every change.
IDENTITY_CACHE_KEY = "privacy:controller-identities"


def _identities() -> dict[str, ControllerIdentity]:
    return {
        identity.locale.language_code: identity
        for identity in ControllerIdentity.objects.select_related("locale")
    }


# The default site's name, the controller's name of last resort; retired with the identities.
SITE_NAME_CACHE_KEY = "privacy:default-site-name"


def controller_identity_invalidate(**kwargs) -> None:
    cache.delete_many([IDENTITY_CACHE_KEY, SITE_NAME_CACHE_KEY])


def _default_site_name() -> str:
    site_name = Site.objects.filter(is_default_site=True).values_list("site_name", flat=True)
    return site_name.first() or ""


def controller_identity(locale: str | Locale | None = None) -> ControllerIdentity | None:
    """The controller identity in ``locale`` (default: the active language), else in the
    default locale, else any; None when the site has not stated it."""
    code = _language_code(locale)
    identities = cache.get_or_set(IDENTITY_CACHE_KEY, _identities, None)
    if not identities:
        return None
    found = identities.get(code) or identities.get(code.split("-")[0])
    if found is not None:
        return found
    return identities.get(conf.default_language()) or next(iter(identities.values()))


def controller_name(locale: str | Locale | None = None) -> str:
    """Who processes the data, in ``locale`` (default: the active language): the controllers
    of the :class:`~privacy.models.ControllerIdentity`, else ``PRIVACY_CONTROLLER``, else the
    default site's name."""
    identity = controller_identity(locale)
    if identity is not None and identity.names:
        return identity.names
    name = conf.controller_name()
    if name:
        return name
    return cache.get_or_set(SITE_NAME_CACHE_KEY, _default_site_name, None) or conf.site_name()


def privacy_contact_email(locale: str | Locale | None = None) -> str:
    """Where people write about their data: the controller identity's address, else
    ``PRIVACY_CONTACT_EMAIL``; empty when neither is set."""
    identity = controller_identity(locale)
    if identity is not None and identity.contact_email:
        return identity.contact_email
    return conf.contact_email()


def objection_text(locale: str | Locale | None = None) -> str:
    """The right to object, as every legitimate-interest notice states it (art. 21(4))."""
    with translation.override(_language_code(locale)):
        email = privacy_contact_email(locale)
        if email:
            return gettext(
                "You may object at any time, on grounds relating to your situation: write "
                "to %(email)s and we stop unless we have compelling grounds."
            ) % {"email": email}
        return gettext(
            "You may object at any time, on grounds relating to your situation: write to "
            "us and we stop unless we have compelling grounds."
        )


def consent_withdrawal_text(locale: str | Locale | None = None) -> str:
    """The line under every consent box: how to withdraw, and who is responsible."""
    with translation.override(_language_code(locale)):
        email = privacy_contact_email(locale)
        values = {"controller": controller_name(), "email": email}
        if email:
            return (
                gettext(
                    "You can withdraw this consent at any time, through “Your privacy "
                    "preferences” in each of our e-mails or by writing to %(email)s. "
                    "Responsible: %(controller)s."
                )
                % values
            )
        return (
            gettext(
                "You can withdraw this consent at any time, through “Your privacy preferences” "
                "in each of our e-mails. Responsible: %(controller)s."
            )
            % values
        )


def policy_page_url(*, locale: str | Locale | None = None) -> str | None:
    """The live privacy policy page's URL in ``locale`` (default: the active language),
    else in the default locale; None when there is none. Cached until a page changes."""
    from ..services.policy import policy_urls_cached

    if locale is None:
        locale = translation.get_language() or ""
    code = locale.language_code if isinstance(locale, Locale) else locale
    urls = policy_urls_cached()
    return urls.get(code) or urls.get(conf.default_language())

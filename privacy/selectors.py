"""Reads other apps and the admin share."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale, Site

from . import conf
from .hashing import address_hashes
from .models import ConsentRecord, ControllerIdentity, LegalBasis, Purpose
from .register import retention_in_words
from .services.consent import normalise_email


def consents_current(*, email: str) -> dict[str, ConsentRecord]:
    """The subject's latest decision per purpose key (withdrawn grants included)."""
    subject = normalise_email(email)
    current: dict[str, ConsentRecord] = {}
    records = ConsentRecord.objects.filter(subject_email=subject).order_by(
        "purpose_key", "-recorded_at", "-pk"
    )
    for record in records:
        current.setdefault(record.purpose_key, record)
    return current


def subject_restricted(*, email: str) -> bool:
    """Whether a data-subject request currently restricts the processing of this address
    (GDPR art. 18): nothing is mailed to it and no retention is extended until lifted."""
    from django.core.exceptions import ValidationError

    from .models import DataSubjectRequest

    try:
        subject = normalise_email(email)
    except ValidationError:
        return False
    return DataSubjectRequest.objects.filter(
        email=subject, restricted_at__isnull=False, restriction_lifted_at__isnull=True
    ).exists()


def requests_by_deadline(queryset: QuerySet, deadline: str, today=None) -> QuerySet:
    """The requests of ``queryset`` that are open (confirmed, not closed or rejected), and of
    those, the ones due within ``PRIVACY_REQUEST_WARNING_DAYS`` (``near``) or ``overdue``."""
    from datetime import timedelta

    from django.utils import timezone

    from .models.requests import FINAL_STATUSES

    today = today or timezone.localdate()
    open_requests = queryset.filter(confirmed_at__isnull=False).exclude(status__in=FINAL_STATUSES)
    if deadline == "overdue":
        return open_requests.filter(due_date__lt=today)
    if deadline == "near":
        soon = today + timedelta(days=conf.request_warning_days())
        return open_requests.filter(due_date__gte=today, due_date__lte=soon)
    return open_requests


def requests_deadline_counts(today=None) -> dict[str, int]:
    """How many requests are open, due within the warning days, and overdue."""
    from .models import DataSubjectRequest

    everything = DataSubjectRequest.objects.all()
    return {
        key: requests_by_deadline(everything, key, today).count()
        for key in ("open", "near", "overdue")
    }


def consent_is_granted(*, email: str, purpose_key: str) -> bool:
    """Whether the subject's latest decision for the purpose is a grant still in force."""
    record = consents_current(email=email).get(purpose_key)
    return bool(record and record.is_active)


def purpose_get(*, key: str, locale: str | Locale | None = None) -> Purpose | None:
    """The purpose with this key in the given locale (default: the active language),
    falling back to the default locale's version when it has not been translated yet."""
    if locale is None:
        locale = translation.get_language() or ""
    code = locale.language_code if isinstance(locale, Locale) else locale
    candidates = {
        p.locale.language_code: p for p in Purpose.objects.filter(key=key).select_related("locale")
    }
    if code in candidates:
        return candidates[code]
    default = conf.default_language()
    return candidates.get(default) or next(iter(candidates.values()), None)


def purposes_for_forms() -> QuerySet[Purpose]:
    """The purposes a form or an inbox may state: all but the cookie banner's, whose
    choices are made in the banner and recorded without an address, and those the site
    states by itself (its logs, proofs, form protection: ``"system"`` in the plugins'
    ``default_purposes.json``)."""
    from .models.cookies import PURPOSE_PREFIX
    from .services.purposes import purposes_system_keys

    return Purpose.objects.exclude(key__startswith=PURPOSE_PREFIX).exclude(
        key__in=purposes_system_keys()
    )


def purposes_for_locale(*, locale: str | Locale, keys: list[str] | None = None) -> list[Purpose]:
    """Purposes in one locale, for listing them in a policy or a form."""
    if not isinstance(locale, Locale):
        locale = Locale.objects.get(language_code=locale)
    purposes = Purpose.objects.filter(locale=locale)
    if keys is not None:
        purposes = purposes.filter(key__in=keys)
    return list(purposes)


def consents_for_email(email: str) -> QuerySet[ConsentRecord]:
    """Every ledger record about ``email``: those naming it, and those kept only as its hash.

    A proof whose address was replaced by a keyed hash (once the person's other data was
    gone) is found again when that person writes in, under the current key or an old one.
    """
    subject = normalise_email(email)
    return ConsentRecord.objects.filter(
        Q(subject_email=subject) | Q(subject_hash__in=address_hashes(subject))
    )


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


@dataclass(frozen=True)
class PurposeNotice:
    """What a collection notice (GDPR art. 13) says about one purpose, in one language."""

    key: str
    name: str
    text: str
    controller: str
    legal_basis: str
    retention: str
    recipients: str
    policy_url: str
    # Legitimate interest: the interest pursued, and how to object (GDPR art. 13(1)(d), 21(4)).
    interest: str = ""
    objection: str = ""


def purpose_is_consent(purpose: Purpose) -> bool:
    """Whether forms ask for this purpose with a box (consent) or state it as a notice."""
    return purpose.legal_basis == LegalBasis.CONSENT


def purpose_notices(
    purposes, locale: str | Locale | None = None, *, has_end: bool | None = None
) -> list[PurposeNotice]:
    """The notices for purposes whose legal basis is not consent, in ``locale``'s words.

    Who processes the data and where the policy is are looked up once for all of them.
    ``has_end``: whether the data has the end a purpose may count from (a vacancy's
    closing), None when the notice speaks of both (see
    :func:`privacy.register.retention_in_words`).
    """
    purposes = list(purposes)
    if not purposes:
        return []
    with translation.override(_language_code(locale)):
        controller = controller_name()
        policy = privacy_policy_url(locale)
        objection = objection_text(locale)
        return [
            PurposeNotice(
                key=purpose.key,
                name=purpose.name,
                text=purpose.consent_text,
                controller=controller,
                legal_basis=str(purpose.get_legal_basis_display()),
                retention=retention_in_words(purpose, has_end=has_end),
                recipients=purpose.recipients,
                policy_url=f"{policy}#purpose-{purpose.key}" if policy else "",
                interest=purpose.legitimate_interest
                if purpose.legal_basis == LegalBasis.LEGITIMATE_INTEREST
                else "",
                objection=objection
                if purpose.legal_basis == LegalBasis.LEGITIMATE_INTEREST
                else "",
            )
            for purpose in purposes
        ]


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


def purpose_notice(
    purpose: Purpose, locale: str | Locale | None = None, *, has_end: bool | None = None
) -> PurposeNotice:
    """The notice for one purpose (see :func:`purpose_notices`)."""
    return purpose_notices([purpose], locale, has_end=has_end)[0]


def purpose_names(locale: str | Locale | None = None) -> dict[str, str]:
    """Each purpose key with its name in ``locale`` (default: the active language), falling
    back to the default locale's name, then to any."""
    code = _language_code(locale)
    default = conf.default_language()
    rank = {code: 0, default: 1}
    names: dict[str, tuple[int, str]] = {}
    for key, name, language in Purpose.objects.values_list("key", "name", "locale__language_code"):
        candidate = (rank.get(language, 2), name)
        if key not in names or candidate < names[key]:
            names[key] = candidate
    return {key: name for key, (_rank, name) in names.items()}


def processing_register(*, locale: str | Locale) -> list:
    """Every declared purpose, in ``locale`` where translated, else in the default locale.

    Every purpose key appears once whatever the language, so a form using a purpose nobody
    translated yet is still covered by the policy of every language.
    """
    from .register import register_entry

    code = locale.language_code if isinstance(locale, Locale) else locale
    with translation.override(code):
        return [register_entry(purpose) for purpose in purposes_chosen(locale=code)]


def purposes_chosen(*, locale: str | Locale) -> list[Purpose]:
    """Every purpose key once, by key: in ``locale`` where translated, else in the default
    locale (what the register and the record of processing list)."""
    code = locale.language_code if isinstance(locale, Locale) else locale
    default = conf.default_language()
    chosen: dict[str, Purpose] = {}
    for purpose in Purpose.objects.select_related("locale").order_by("key"):
        current = chosen.get(purpose.key)
        language = purpose.locale.language_code
        if (
            current is None
            or language == code
            or (language == default and current.locale.language_code != code)
        ):
            chosen[purpose.key] = purpose
    return list(chosen.values())


def policy_page_url(*, locale: str | Locale | None = None) -> str | None:
    """The live privacy policy page's URL in ``locale`` (default: the active language),
    else in the default locale; None when there is none. Cached until a page changes."""
    from .services.policy import policy_urls_cached

    if locale is None:
        locale = translation.get_language() or ""
    code = locale.language_code if isinstance(locale, Locale) else locale
    urls = policy_urls_cached()
    return urls.get(code) or urls.get(conf.default_language())


def consents_for_source(*, source_ref: str) -> list[ConsentRecord]:
    """The decisions recorded with one source (a form submission, say), oldest first."""
    return list(
        ConsentRecord.objects.filter(source_ref=source_ref)
        .select_related("purpose")
        .order_by("recorded_at", "pk")
    )


def consent_decision_label(record: ConsentRecord) -> str:
    """What the person chose, in words: given, refused, or informed by a notice."""
    return str(record.get_decision_display())


def subscribers_current(*, topics: Iterable[str] | None = None) -> QuerySet[ConsentRecord]:
    """Who may be sent each newsletter topic now: one record per address and topic.

    The e-mail campaign provider sends from this list, so it follows the ledger: the latest
    grant in force per address and topic, nobody who withdrew (a withdrawal stamps the
    grant), nobody erased (their proofs keep only a hash), and nobody whose processing is
    restricted (GDPR art. 18). ``topics`` defaults to ``PRIVACY_NEWSLETTER_TOPICS``.
    """
    from .models import DataSubjectRequest

    keys = tuple(conf.newsletter_topics() if topics is None else topics)
    in_force = ConsentRecord.objects.filter(
        granted=True, withdrawn_at__isnull=True, purpose_key__in=keys
    ).exclude(subject_email="")
    later = in_force.filter(
        subject_email=OuterRef("subject_email"),
        purpose_key=OuterRef("purpose_key"),
        pk__gt=OuterRef("pk"),
    )
    restricted = DataSubjectRequest.objects.filter(
        email=OuterRef("subject_email"),
        restricted_at__isnull=False,
        restriction_lifted_at__isnull=True,
    )
    return (
        in_force.filter(~Exists(later), ~Exists(restricted))
        .only("pk", "subject_email", "purpose_key", "locale", "recorded_at")
        .order_by("purpose_key", "subject_email")
    )

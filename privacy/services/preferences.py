"""Newsletter sign-up with double opt-in, and the preference centre.

Nothing is recorded as consent until the address's owner follows the link sent to it, and
the visitor gets the same answer whatever the address: the form reveals nothing about who
is subscribed. The preference centre is opened by a signed link carried by every e-mail the
site sends; changing or withdrawing there is recorded in the ledger like giving was.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from .. import conf
from ..links import (
    LinkExpired,
    LinkInvalid,
    absolute_url,
    email_link_issue,
    email_link_load,
    link_refuse_spent,
    link_spend,
    random_token,
    token_hash,
)
from ..models import (
    ConsentDecision,
    ConsentRecord,
    ConsentSource,
    LegalBasis,
    PendingSignup,
    Purpose,
)
from ..selectors import consents_current, purpose_get
from .consent import consent_record, consent_refuse, consents_record, normalise_email
from .mail import mail_send

PREFERENCES_LINK = "preferences"
SIGNUP_SOURCE_REF = "newsletter-signup"


def _signup_days() -> int:
    return conf.signup_link_days()


def _preference_days() -> int:
    return conf.preference_link_days()


def _resend_cooldown() -> timedelta:
    return timedelta(seconds=conf.signup_resend_seconds())


def preference_centre_url(email: str, locale: str) -> str:
    """The address of ``email``'s preference centre, for every e-mail to a person.

    Its token is opaque (:func:`privacy.links.email_link_issue`): the address is nowhere in
    the link, so logs, browser history and consent proofs that keep it hold no address.
    """
    token = email_link_issue(
        kind=PREFERENCES_LINK, email=normalise_email(email), days=_preference_days()
    )
    return absolute_url(name="privacy:preferences", locale=locale, kwargs={"token": token})


def preference_token_load(*, token: str) -> str:
    """The address a preference-centre link was made for; raises ``LinkInvalid``/``LinkExpired``."""
    return email_link_load(kind=PREFERENCES_LINK, token=token)


def topic_purposes(*, locale: str) -> list[Purpose]:
    """The purposes a visitor can subscribe to, in ``locale``, in the site's order
    (``PRIVACY_NEWSLETTER_TOPICS``)."""
    purposes = [purpose_get(key=key, locale=locale) for key in conf.newsletter_topics()]
    return [p for p in purposes if p is not None and p.legal_basis == LegalBasis.CONSENT]


def signup_request(*, email: str, topics: list[str], locale: str, add: bool = False) -> bool:
    """Ask ``email`` to confirm a subscription to ``topics``; True when a mail was sent.

    One pending row per address: a repeated sign-up replaces the topics (or, with ``add``,
    as a form's boxes ask, adds to those still waiting) and sends a fresh link, unless the
    last link went out moments ago (then nothing changes, so nobody can flood an address
    with mails). Returns nothing the visitor may see: the page answers the same either way.
    """
    email = normalise_email(email)
    now = timezone.now()
    with transaction.atomic():
        pending = PendingSignup.objects.select_for_update().filter(email=email).first()
        if pending is not None and not pending.resend_allowed(cooldown=_resend_cooldown()):
            return False
        if add and pending is not None and not pending.is_expired:
            topics = [*pending.topics, *topics]
        topics = [key for key in conf.newsletter_topics() if key in set(topics)]
        token, hashed = random_token()
        values = {
            "topics": topics,
            "locale": locale,
            "sent_at": now,
            "token_hash": hashed,
            "expires_at": now + timedelta(days=_signup_days()),
        }
        if pending is None:
            try:
                with transaction.atomic():
                    PendingSignup.objects.create(email=email, created_at=now, **values)
            except IntegrityError:
                # The same address signed up at the same moment; that one's mail goes out.
                return False
        else:
            PendingSignup.objects.filter(pk=pending.pk).update(**values)
        url = absolute_url(name="privacy:signup_confirm", locale=locale, kwargs={"token": token})
        transaction.on_commit(
            lambda: mail_send(
                template="privacy/email/newsletter_confirm",
                to=[email],
                language=locale,
                context={
                    "confirm_url": url,
                    "days": _signup_days(),
                },
            )
        )
    return True


def email_consents_defer(
    *, decisions: Mapping[Purpose, ConsentDecision], email: str, locale: str
) -> dict[Purpose, ConsentDecision]:
    """Send the consents to receive e-mail that a form's boxes gave through the double opt-in.

    Whichever form collected it, a ticked box for a sign-up topic (``PRIVACY_NEWSLETTER_TOPICS``)
    subscribes nobody: the address is asked to confirm, as the footer's sign-up asks, and only
    the link records the consent. Returns the decisions to record with the submission now:
    every other one. A topic the address already receives needs no mail; a box ticked on a
    form that asks no address cannot be confirmed, so it is not recorded either.
    """
    topics = set(conf.newsletter_topics())
    deferred = {
        purpose.key
        for purpose, decision in decisions.items()
        if purpose.key in topics and decision == ConsentDecision.GIVEN
    }
    if not deferred:
        return dict(decisions)
    if email:
        current = consents_current(email=email)
        asked = {k for k in deferred if not (k in current and current[k].is_active)}
        if asked:
            signup_request(email=email, topics=sorted(asked), locale=locale, add=True)
    return {purpose: d for purpose, d in decisions.items() if purpose.key not in deferred}


def signup_pending(*, token: str) -> PendingSignup:
    """The sign-up a confirmation link belongs to; raises ``LinkInvalid``/``LinkExpired``."""
    pending = PendingSignup.objects.filter(token_hash=token_hash(token or "")).first()
    if pending is None:
        link_refuse_spent(token=token)
        raise LinkInvalid
    if pending.is_expired:
        raise LinkExpired
    return pending


def signup_confirm(*, token: str) -> list[ConsentRecord]:
    """Record consent for the sign-up's topics, now that the address is proven; returns it.

    Topics already granted are not recorded twice. The pending row goes: its job is done.
    """
    with transaction.atomic():
        pending = signup_pending(token=token)
        purposes = [p for p in topic_purposes(locale=pending.locale) if p.key in pending.topics]
        current = consents_current(email=pending.email)
        decisions = {
            p: True for p in purposes if not (p.key in current and current[p.key].is_active)
        }
        records = []
        if decisions:
            records = consents_record(
                decisions=decisions,
                locale=pending.locale,
                source=ConsentSource.FORM,
                email=pending.email,
                source_ref=SIGNUP_SOURCE_REF,
            )
        # Opening the link again says it was used; the row and its address go.
        link_spend(token=token, until=pending.expires_at)
        pending.delete()
    return records


@dataclass(frozen=True)
class Preference:
    purpose: Purpose
    granted: bool

    @property
    def key(self) -> str:
        return self.purpose.key


def preferences_current(*, email: str, locale: str) -> list[Preference]:
    """What the preference centre shows: the subscription topics, each with its state, then
    any other consent the person gave and may withdraw here (a talent pool, event photos).

    Cookie choices are pseudonymous and managed in the banner, so they are not listed.
    """
    current = consents_current(email=email)
    shown = topic_purposes(locale=locale)
    others = sorted(
        key
        for key, record in current.items()
        if record.is_active
        and key not in conf.newsletter_topics()
        and not key.startswith("cookies-")
    )
    for key in others:
        purpose = purpose_get(key=key, locale=locale)
        if purpose is not None:
            shown.append(purpose)
    return [
        Preference(purpose=p, granted=bool(current.get(p.key) and current[p.key].is_active))
        for p in shown
    ]


def preferences_save(*, email: str, granted_keys: set[str], locale: str) -> int:
    """Make the person's consents match the ticked boxes; returns how many changed."""
    changed = 0
    with transaction.atomic():
        for preference in preferences_current(email=email, locale=locale):
            wanted = preference.key in granted_keys
            if wanted and not preference.granted:
                # Only topics can be given here; other purposes need what they were given with.
                if preference.key in conf.newsletter_topics():
                    consent_record(
                        purpose=preference.purpose,
                        granted=True,
                        locale=locale,
                        source=ConsentSource.PREFERENCE_CENTRE,
                        email=email,
                    )
                    changed += 1
            elif not wanted and preference.granted:
                consent_refuse(
                    purpose=preference.purpose,
                    email=email,
                    locale=locale,
                    source=ConsentSource.PREFERENCE_CENTRE,
                )
                changed += 1
    return changed


def preferences_withdraw_all(*, email: str, locale: str) -> int:
    """Withdraw every consent in force, in one step; returns how many."""
    return preferences_save(email=email, granted_keys=set(), locale=locale)


UNSUBSCRIBE_SOURCE_REF = "campaign-provider-unsubscribe"


def subscription_withdraw(*, email: str, topics: list[str] | None = None) -> int:
    """Record an unsubscription the e-mail campaign provider received; returns how many
    topics it ended.

    The provider sends the newsletters, so a person may unsubscribe there; its webhook calls
    this, and the ledger records the withdrawal (source ``api``) as if made here, so the next
    subscriber export leaves the person out. ``topics`` ``None`` means every topic.
    """
    keys = [key for key in conf.newsletter_topics() if topics is None or key in topics]
    current = consents_current(email=email)
    withdrawn = 0
    with transaction.atomic():
        for key in keys:
            record = current.get(key)
            if record is None or not record.is_active:
                continue
            purpose = purpose_get(key=key, locale=record.locale) or record.purpose
            consent_refuse(
                purpose=purpose,
                email=email,
                locale=record.locale,
                source=ConsentSource.API,
                source_ref=UNSUBSCRIBE_SOURCE_REF,
            )
            withdrawn += 1
    return withdrawn

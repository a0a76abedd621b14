"""Reads of the consent ledger: what a subject decided, who may be sent a topic, whom to ask to renew."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import timedelta

from django.core.cache import cache
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone

from .. import conf
from ..hashing import address_hashes
from ..models import ConsentRecord, Purpose
from ..models.requests import RESTRICTING
from ..services.consent import normalise_email
from ..versions import version_read, version_replace, version_retire

logger = logging.getLogger(__name__)


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


# The version any change of a data-subject request replaces, and the version under which
# no restriction was in force (see restrictions_in_force).
RESTRICTIONS_VERSION_KEY = "privacy:restrictions:version"
RESTRICTIONS_NONE_KEY = "privacy:restrictions:none"
# A change replaces the version at once; the timeout only bounds what an idle cache keeps.
RESTRICTIONS_TIMEOUT = 60 * 60


def restrictions_in_force() -> bool:
    """Whether any data-subject request restricts processing now (GDPR art. 18).

    Every mail to a person asks about its address, and a site almost never has a
    restriction in force: "none" is kept in the shared cache under a version that any save
    or delete of a request replaces (:func:`restrictions_changed`), so that answer costs one
    cache read and no query. Without a cache, the database answers."""
    from ..models import DataSubjectRequest

    version = None
    try:
        found = cache.get_many([RESTRICTIONS_VERSION_KEY, RESTRICTIONS_NONE_KEY])
        version = found.get(RESTRICTIONS_VERSION_KEY) or version_read(
            cache, RESTRICTIONS_VERSION_KEY
        )
        if found.get(RESTRICTIONS_NONE_KEY) == version:
            return False
    except Exception:
        version = None
    in_force = DataSubjectRequest.objects.filter(RESTRICTING).exists()
    if not in_force and version is not None:
        try:
            cache.set(RESTRICTIONS_NONE_KEY, version, RESTRICTIONS_TIMEOUT)
        except Exception:
            logger.warning("Could not cache that no restriction is in force", exc_info=True)
    return in_force


def restrictions_changed(using=None, **kwargs) -> None:
    """Signal receiver: a data-subject request was saved or deleted, so a restriction may
    have begun or ended; the next :func:`restrictions_in_force` asks the database."""
    version_retire(lambda: version_replace(cache, RESTRICTIONS_VERSION_KEY), using=using)


def subject_restricted(*, email: str) -> bool:
    """Whether a data-subject request currently restricts the processing of this address
    (GDPR art. 18): nothing is mailed to it and no retention is extended until lifted."""
    from django.core.exceptions import ValidationError

    from ..models import DataSubjectRequest

    if not restrictions_in_force():
        return False
    try:
        subject = normalise_email(email)
    except ValidationError:
        return False
    return DataSubjectRequest.objects.filter(RESTRICTING, email=subject).exists()


def consent_is_granted(*, email: str, purpose_key: str) -> bool:
    """Whether the subject's latest decision for the purpose is a grant still in force."""
    record = consents_current(email=email).get(purpose_key)
    return bool(record and record.is_active)


def consents_for_email(email: str) -> QuerySet[ConsentRecord]:
    """Every ledger record about ``email``: those naming it, and those kept only as its hash.

    A proof whose address was replaced by a keyed hash (once the person's other data was
    gone) is found again when that person writes in, under the current key or an old one.
    """
    subject = normalise_email(email)
    return ConsentRecord.objects.filter(
        Q(subject_email=subject) | Q(subject_hash__in=address_hashes(subject))
    )


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
    from ..models import DataSubjectRequest

    keys = tuple(conf.newsletter_topics() if topics is None else topics)
    in_force = ConsentRecord.objects.filter(
        granted=True, withdrawn_at__isnull=True, purpose_key__in=keys
    ).exclude(subject_email="")
    later = in_force.filter(
        subject_email=OuterRef("subject_email"),
        purpose_key=OuterRef("purpose_key"),
        pk__gt=OuterRef("pk"),
    )
    restricted = DataSubjectRequest.objects.filter(RESTRICTING, email=OuterRef("subject_email"))
    return (
        in_force.filter(~Exists(later), ~Exists(restricted))
        .only("pk", "subject_email", "purpose_key", "locale", "recorded_at")
        .order_by("purpose_key", "subject_email")
    )


def consent_period_ending(
    queryset: QuerySet, *, purpose_key: str, since: str, reminded: str, days: int, now=None
) -> QuerySet:
    """The rows of ``queryset`` whose consent to ``purpose_key``, given or renewed at their
    field ``since``, ends within ``days`` (the purpose's period counted from then), and
    whose field ``reminded`` holds no reminder since: whom to ask to renew, once a period."""
    purpose = Purpose.objects.filter(key=purpose_key).order_by("pk").first()
    if purpose is None:
        return queryset.none()
    start = purpose.retention.before(now or timezone.now())
    # since + period - window <= now < since + period
    ending = {f"{since}__lte": start + timedelta(days=days), f"{since}__gt": start}
    not_reminded = Q(**{f"{reminded}__isnull": True}) | Q(**{f"{reminded}__lt": F(since)})
    return queryset.filter(**ending).filter(not_reminded)

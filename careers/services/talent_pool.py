"""The talent pool: asking for renewal before the end, leaving it."""

from __future__ import annotations

import datetime

from django.db.models import F, Q
from django.utils import timezone

from privacy.models import Purpose
from privacy.services import consent_withdraw, normalise_email

from .. import conf
from ..constants import TALENT_POOL_PURPOSE
from ..models import Application


def talent_pool_ending(*, now: datetime.datetime | None = None):
    """Applications whose talent-pool period ends within the reminder window, not yet asked
    since their consent was given or last renewed."""
    now = now or timezone.now()
    purpose = Purpose.objects.filter(key=TALENT_POOL_PURPOSE).order_by("pk").first()
    if purpose is None:
        return Application.objects.none()
    window = datetime.timedelta(days=conf.talent_pool_reminder_days())
    # since + period - window <= now < since + period
    return Application.objects.filter(
        talent_pool_since__isnull=False,
        talent_pool_since__lte=purpose.retention.before(now) + window,
        talent_pool_since__gt=purpose.retention.before(now),
    ).filter(
        Q(talent_pool_reminded_at__isnull=True)
        | Q(talent_pool_reminded_at__lt=F("talent_pool_since"))
    )


def talent_pool_reminders_send(*, now: datetime.datetime | None = None) -> int:
    """Send the renewal e-mail to candidates whose talent-pool period ends within 30 days.

    Each gets one e-mail per period, in the language they applied in, with a one-click
    signed link to renew for another period. Returns how many were sent.
    """
    from .mail import renewal_send

    now = now or timezone.now()
    sent = 0
    for application in talent_pool_ending(now=now).select_related("submission").iterator():
        if not renewal_send(application=application):
            # The next run asks again; one bad address must not stop the others.
            continue
        Application.objects.filter(pk=application.pk).update(talent_pool_reminded_at=now)
        sent += 1
    return sent


def application_talent_pool_end(*, email: str) -> int:
    """``email`` leaves the talent pool: the consent is withdrawn in the ledger, and the
    privacy core ends only that purpose for their applications (see ``Retention.also``)."""
    return consent_withdraw(purpose_key=TALENT_POOL_PURPOSE, email=normalise_email(email))

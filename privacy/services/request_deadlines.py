"""Nobody misses a request's deadline: officers are told when it arrives and before it is due.

Who is told is decided once, here: the officers' group (``PRIVACY_OFFICERS_GROUP``); when it
has nobody with an address, every active superuser and the privacy contact address
(``PRIVACY_CONTACT_EMAIL``), so that a request is never silently dropped.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.log_actions import registry as log_registry

from .. import conf
from ..links import admin_url
from ..models import DataSubjectRequest
from ..models.requests import FINAL_STATUSES
from .mail import mail_send

REMIND_ACTION = "privacy.request.remind"


def officers_addresses() -> list[str]:
    """The addresses told about data-subject requests, never none when anyone can be told."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    officers = users.filter(groups__name=conf.officers_group())
    addresses = list(officers.values_list("email", flat=True).distinct())
    if addresses:
        return sorted(addresses)
    addresses = set(users.filter(is_superuser=True).values_list("email", flat=True))
    if conf.contact_email():
        addresses.add(conf.contact_email())
    return sorted(addresses)


def officers_notify(*, request: DataSubjectRequest, template: str, context=None) -> bool:
    """Mail the officers about ``request`` (no content, a link to its handling screen)."""
    url = admin_url(name="data_requests:inspect", args=[request.pk])
    return mail_send(
        template=template,
        to=officers_addresses(),
        language=conf.officers_language(),
        context={"request": request, "admin_url": url, **(context or {})},
        staff=True,
    )


def open_requests():
    return DataSubjectRequest.objects.filter(confirmed_at__isnull=False).exclude(
        status__in=FINAL_STATUSES
    )


def request_reminders_send(*, today: date | None = None) -> int:
    """Remind the officers of each open request due in ``PRIVACY_REQUEST_WARNING_DAYS`` days
    (7) and of each due today; returns how many were sent.

    Meant to run daily (``manage.py privacy_request_reminders``). A request is reminded at
    most once a day, whatever the number of runs: each reminder is a log entry.
    """
    today = today or timezone.localdate()
    soon = today + timedelta(days=conf.request_warning_days())
    sent = 0
    for request in open_requests().filter(due_date__in=(today, soon)).order_by("due_date", "pk"):
        done = log_registry.get_logs_for_instance(request).filter(
            action=REMIND_ACTION, data__reminded_on=today.isoformat()
        )
        if done.exists():
            continue
        days = (request.due_date - today).days
        if officers_notify(
            request=request, template="privacy/email/request_reminder", context={"days": days}
        ):
            log(
                instance=request,
                action=REMIND_ACTION,
                data={"reminded_on": today.isoformat(), "days": days},
            )
            sent += 1
    return sent

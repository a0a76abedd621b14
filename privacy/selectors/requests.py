"""Data-subject requests by their deadline, for the officers' listing and dashboard."""

from __future__ import annotations

from django.db.models import QuerySet

from .. import conf


def requests_by_deadline(queryset: QuerySet, deadline: str, today=None) -> QuerySet:
    """The requests of ``queryset`` that are open (confirmed, not closed or rejected), and of
    those, the ones due within ``PRIVACY_REQUEST_WARNING_DAYS`` (``near``) or ``overdue``."""
    from datetime import timedelta

    from django.utils import timezone

    from ..models.requests import FINAL_STATUSES

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
    from ..models import DataSubjectRequest

    everything = DataSubjectRequest.objects.all()
    return {
        key: requests_by_deadline(everything, key, today).count()
        for key in ("open", "near", "overdue")
    }

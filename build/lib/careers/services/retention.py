"""Keeping an application and its submission for exactly as long as the privacy core says.

The privacy core computes the application's ``retain_until`` (``Application.PersonalData``)
and keeps it right when purposes change or consent is withdrawn; the submission, registered
by forms under the application purpose alone, gets the same date copied here, so neither
outlives the other.
"""

from __future__ import annotations

import datetime

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from forms.models import FormSubmission
from privacy.services import retention_compute, retention_recompute

from ..models import Application


def application_retention_update(*, application: Application, compute: bool = True) -> Application:
    """Recompute ``retain_until`` through the privacy core and copy it to the submission."""
    if compute:
        application.retain_until = retention_compute(instance=application)
        Application.objects.filter(pk=application.pk).update(retain_until=application.retain_until)
    FormSubmission.objects.filter(pk=application.submission_id).update(
        retain_until=application.retain_until
    )
    return application


def applications_retention_sync(*, queryset: QuerySet[Application] | None = None) -> int:
    """Copy applications' ``retain_until`` to their submissions, in one UPDATE."""
    submissions = FormSubmission.objects.filter(application__isnull=False)
    if queryset is not None:
        submissions = submissions.filter(application__in=queryset.values("pk"))
    return submissions.update(
        retain_until=Subquery(
            Application.objects.filter(submission=OuterRef("pk")).values("retain_until")[:1]
        )
    )


def vacancy_end_of(vacancy) -> datetime.datetime | None:
    """When the vacancy closes: the end of its closing day; None while it stays open
    without one. A vacancy an editor closed earlier ended when it was closed (see
    :func:`vacancy_applications_end_update`)."""
    return vacancy.closes_at()


def vacancy_applications_end_update(*, vacancy) -> int:
    """The vacancy's end moved (closing date edited, closed early, reopened): its
    applications, and their submissions, count from the new end. Returns how many
    applications changed.

    Closed early, it ended now for applications whose end was still to come; those whose
    end has passed keep it, so publishing a closed vacancy again moves nothing.
    """
    from ..constants import VacancyStatus

    source = vacancy.get_source_page()
    now = timezone.now()
    end = vacancy_end_of(source)
    applications = Application.objects.filter(vacancy=source)
    if source.status == VacancyStatus.CLOSED and (end is None or end > now):
        end = now
        applications = applications.filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now))
    elif end is None:
        applications = applications.filter(ends_at__isnull=False)
    else:
        applications = applications.exclude(ends_at=end)
    pks = list(applications.values_list("pk", flat=True))
    if not pks:
        return 0
    changed = Application.objects.filter(pk__in=pks)
    changed.update(ends_at=end)
    FormSubmission.objects.filter(application__in=pks).update(ends_at=end)
    retention_recompute(queryset=changed)
    applications_retention_sync(queryset=changed)
    return len(pks)

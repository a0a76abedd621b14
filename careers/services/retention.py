"""Keeping an application and its submission for exactly as long as the privacy core says.

The privacy core computes the application's ``retain_until`` (``Application.PersonalData``)
and keeps it right when purposes change or consent is withdrawn; the submission, registered
by forms under the application purpose alone, gets the same date copied here, so neither
outlives the other.
"""

from __future__ import annotations

from django.db.models import OuterRef, QuerySet, Subquery

from forms.models import FormSubmission
from privacy.services import retention_compute

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

"""Keeping submissions in step with their applications, and forgetting log entries.

Connected in :meth:`careers.apps.CareersConfig.ready`, after privacy's own receivers have
recomputed the applications' dates.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from wagtail.models import ModelLogEntry


def retention_changed(sender, *, key: str, **kwargs) -> None:
    from .services import applications_retention_sync

    applications_retention_sync()


def consent_withdrawn(sender, *, email: str, **kwargs) -> None:
    from .models import Application
    from .services import applications_retention_sync

    applications_retention_sync(
        queryset=Application.objects.filter(submission__subject_email=email)
    )


def log_entries_delete(sender, instance, **kwargs) -> None:
    """A deleted application (note, status change) leaves no Wagtail log entry behind:
    its label or data may name the applicant."""
    content_type = ContentType.objects.get_for_model(sender, for_concrete_model=False)
    ModelLogEntry.objects.filter(content_type=content_type, object_id=str(instance.pk)).delete()


def vacancy_published(sender, instance, **kwargs) -> None:
    """A vacancy published with another closing date (or closed early) moves the end its
    applications' retention counts from."""
    from .services import vacancy_applications_end_update

    vacancy_applications_end_update(vacancy=instance)

"""Forgetting Wagtail's log entries of deleted applications.

Connected in :meth:`careers.apps.CareersConfig.ready`.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from wagtail.models import ModelLogEntry


def log_entries_delete(sender, instance, **kwargs) -> None:
    """A deleted application (note, status change) leaves no Wagtail log entry behind:
    its label or data may name the applicant."""
    content_type = ContentType.objects.get_for_model(sender, for_concrete_model=False)
    ModelLogEntry.objects.filter(content_type=content_type, object_id=str(instance.pk)).delete()

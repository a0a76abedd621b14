"""Keeping an application and its submission for exactly as long as the privacy core says."""

from __future__ import annotations

from django.db.models import QuerySet

from ..models import Application


def application_retention_update(*, application: Application) -> Application:
    """Recompute ``retain_until`` through the privacy core and copy it to the submission."""
    raise NotImplementedError


def applications_retention_sync(*, queryset: QuerySet[Application] | None = None) -> int:
    """Copy applications' ``retain_until`` to their submissions in one UPDATE."""
    raise NotImplementedError

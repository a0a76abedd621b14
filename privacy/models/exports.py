"""Logs of who saw personal data in the admin: every export of a listing (an inbox, a
check-in list) with who made it and when. Kept, like the file-download log, for the
``access-logs`` purpose's period, then deleted by the retention engine."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from django.conf import settings
from django.db import models
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..periods import Period, PeriodUnit

ACCESS_LOGS = "access-logs"
# Without the purpose loaded (a site that has not run ``load_default_purposes``), a log is
# still not kept for ever: a year, the shipped purpose's period.
ACCESS_LOGS_FALLBACK = Period(1, PeriodUnit.YEARS)


def logged_expired(field: str, purpose_key: str = ACCESS_LOGS) -> Callable:
    """A ``PersonalData.expired`` callable: rows whose ``field`` lies further back than the
    purpose's retention period (read at each run, so officers' changes apply)."""

    def expired(queryset: QuerySet, now: datetime) -> QuerySet:
        from .purposes import Purpose

        purpose = Purpose.objects.filter(key=purpose_key).first()
        period = purpose.retention if purpose is not None else ACCESS_LOGS_FALLBACK
        return queryset.filter(**{f"{field}__lte": period.before(now)})

    return expired


class ExportLog(models.Model):
    """One export of personal data from an admin listing: who, what, when; no content."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    username = models.CharField(_("user"), max_length=150)
    what = models.CharField(_("exported"), max_length=255)
    format = models.CharField(_("format"), max_length=8)
    exported_at = models.DateTimeField(_("exported at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("export of personal data")
        verbose_name_plural = _("exports of personal data")
        ordering = ["-exported_at", "-pk"]
        default_permissions = ("view",)

    class PersonalData:
        # The staff member's: kept for the access logs' period.
        subject = "username"
        expired = staticmethod(logged_expired("exported_at"))

    def __str__(self) -> str:
        return f"{self.username}: {self.what} ({self.exported_at:%Y-%m-%d %H:%M})"

"""Exports of personal data from the admin: each one logged, each file told to be deleted."""

from __future__ import annotations

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from ..models import ExportLog


def export_log_write(*, user, what: str, export_format: str) -> ExportLog:
    """Record that ``user`` exported ``what`` (a listing's name) now, as ``export_format``."""
    return ExportLog.objects.create(
        user=user if user.is_authenticated else None,
        username=user.get_username(),
        what=what[:255],
        format=export_format,
    )


def delete_after_use_line(entry: ExportLog) -> str:
    """The line an exported file carries, in the active language, naming its export."""
    return _(
        "Personal data: delete this file after use. Exported by %(user)s on %(when)s; "
        "this export is logged."
    ) % {
        "user": entry.username,
        "when": formats.date_format(timezone.localtime(entry.exported_at), "DATETIME_FORMAT"),
    }

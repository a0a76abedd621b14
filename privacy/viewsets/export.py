"""Every CSV or XLSX export of a listing: one rule per kind of value, so what a visitor typed
never becomes a formula and times are written as the reader reads them; each export is
logged and ends on its delete-after-use line."""

from __future__ import annotations

import csv
import datetime
from collections.abc import Iterator

from django.utils import formats, timezone, translation
from django.utils.encoding import force_str
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.views import View
from wagtail.admin.views.mixins import Echo, ExcelDateFormatter, SpreadsheetExportMixin

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(value) -> str:
    """``value`` as text a spreadsheet shows as typed: a leading apostrophe where it would
    start a formula. An e-mail address may itself start with "=", so every text cell goes
    through this, not only the answers."""
    text = "" if value is None else force_str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def local_time(value: datetime.datetime | None) -> str:
    """A moment in the reader's time zone, short form; never "3 hours ago": evidence and
    applications are read for the exact time."""
    if value is None:
        return ""
    return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")


def _local(value: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(value) if timezone.is_aware(value) else value


def yes_no(value: bool) -> str:
    """A yes or no in the reader's language: a listing's tick, an export's cell."""
    return gettext("Yes") if value else gettext("No")


def _listed(value) -> str:
    return ", ".join(force_str(item) for item in value)


class SpreadsheetExport(SpreadsheetExportMixin):
    """Wagtail's CSV/XLSX export with the plugins' one rule per kind of value.

    Times are written in the reader's time zone (Wagtail's default writes UTC). A CSV cell
    has no type, so text that would start a formula gets a leading apostrophe; Wagtail types
    XLSX text cells as text already.
    """

    custom_value_preprocess = {
        # Before any other type: a bool is an int, and "True" is English.
        bool: {
            SpreadsheetExportMixin.FORMAT_XLSX: yes_no,
            SpreadsheetExportMixin.FORMAT_CSV: yes_no,
        },
        datetime.datetime: {
            SpreadsheetExportMixin.FORMAT_XLSX: lambda value: _local(value).replace(tzinfo=None),
            SpreadsheetExportMixin.FORMAT_CSV: lambda value: _local(value).isoformat(),
        },
        (datetime.date, datetime.time): {SpreadsheetExportMixin.FORMAT_XLSX: None},
        (list, tuple): {
            SpreadsheetExportMixin.FORMAT_XLSX: _listed,
            SpreadsheetExportMixin.FORMAT_CSV: lambda value: formula_safe(_listed(value)),
        },
        (str, Promise): {
            SpreadsheetExportMixin.FORMAT_XLSX: force_str,
            SpreadsheetExportMixin.FORMAT_CSV: formula_safe,
        },
    }

    def get_export_label(self) -> str:
        """What the export log calls this export: the file's name by default, which names the
        listing (an inbox, an event), never a person."""
        return self.get_filename()

    def as_spreadsheet(self, queryset, spreadsheet_format):
        # Every export of personal data is logged with who made it and when (GDPR art. 5(2)).
        from ..services.exports import export_log_write

        self._export_log = export_log_write(
            user=self.request.user, what=self.get_export_label(), export_format=spreadsheet_format
        )
        return super().as_spreadsheet(queryset, spreadsheet_format)

    def delete_after_use_line(self) -> str:
        """The line every exported file ends on: it holds personal data, for one use."""
        from ..services.exports import delete_after_use_line

        return delete_after_use_line(self._export_log)

    def stream_csv(self, queryset):
        # A byte-order mark first, so spreadsheet programs read the names as UTF-8.
        yield "\ufeff"
        yield from super().stream_csv(queryset)
        writer = csv.writer(Echo())
        yield writer.writerow([])
        yield writer.writerow([formula_safe(self.delete_after_use_line())])

    def write_xlsx(self, queryset, output):
        # Wagtail's workbook, with the delete-after-use line after an empty row.
        from openpyxl import Workbook

        workbook = Workbook(write_only=True, iso_dates=True)
        worksheet = workbook.create_sheet(title="Sheet1")
        worksheet.append(self.get_heading(queryset, field) for field in self.list_export)
        date_format = ExcelDateFormatter().get()
        for item in queryset:
            worksheet.append(
                self.generate_xlsx_row(worksheet, self.to_row_dict(item), date_format=date_format)
            )
        worksheet.append([])
        worksheet.append([self.delete_after_use_line()])
        workbook.save(output)

    def write_csv_response(self, queryset):
        # The rows are written while the response streams, after the view has returned and
        # the admin has let go of the reader's time zone and language: hold on to them here.
        response = super().write_csv_response(queryset)
        response.streaming_content = _as_read_by(
            response.streaming_content,
            zone=timezone.get_current_timezone(),
            language=translation.get_language(),
        )
        return response


def _as_read_by(rows: Iterator, *, zone, language) -> Iterator:
    """``rows``, each produced in ``zone`` and ``language``, which are active only meanwhile."""
    rows = iter(rows)
    while True:
        with timezone.override(zone), translation.override(language):
            row = next(rows, None)
        if row is None:
            return
        yield row


class SpreadsheetExportView(SpreadsheetExport, View):
    """A CSV that is no listing's export (a check-in list, counts for a caterer): the
    subclass gives its ``rows()`` and its columns' headings (``export_headings``, in order).
    A row that is a tuple (counts from a query) fills the columns in that order; any other
    is read as Wagtail reads a listing's row, unless the subclass says how (``to_row_dict``)."""

    def rows(self):
        raise NotImplementedError

    @property
    def list_export(self):
        return list(self.export_headings)

    def to_row_dict(self, item):
        if isinstance(item, tuple):
            return dict(zip(self.list_export, item, strict=True))
        return super().to_row_dict(item)

    def get(self, request, *args, **kwargs):
        return self.as_spreadsheet(self.rows(), self.FORMAT_CSV)

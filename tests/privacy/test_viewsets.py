"""The one spreadsheet export and the one local-time column every admin listing uses.

What a visitor typed never reaches a spreadsheet as a formula, and a time is written as the
reader reads it, in their own time zone, whichever app's listing is exported.
"""

import datetime

import pytest
from django.utils import timezone

from privacy.viewsets import LocalTimeColumn, SpreadsheetExport, formula_safe

CSV, XLSX = SpreadsheetExport.FORMAT_CSV, SpreadsheetExport.FORMAT_XLSX
NOON_UTC = datetime.datetime(2026, 1, 15, 12, 0, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    "typed",
    ['=HYPERLINK("http://evil.example","x")', "+31 2", "-2+3", "@SUM(A1)", "\t=1", "\r=1"],
)
def test_a_csv_cell_that_would_start_a_formula_stays_text(typed):
    export = SpreadsheetExport()

    assert export.preprocess_field_value("name", typed, CSV) == "'" + typed
    assert export.preprocess_field_value("names", [typed, "b"], CSV) == f"'{typed}, b"
    # XLSX cells are typed as text by Wagtail: the value stays as typed.
    assert export.preprocess_field_value("name", typed, XLSX) == typed


def test_plain_text_and_numbers_are_written_as_they_are():
    export = SpreadsheetExport()

    assert export.preprocess_field_value("name", "Peeters", CSV) == "Peeters"
    assert export.preprocess_field_value("pk", 7, CSV) == 7
    assert export.preprocess_field_value("decided_at", None, CSV) is None
    assert formula_safe(None) == ""


def test_times_are_written_in_the_readers_time_zone():
    export = SpreadsheetExport()

    with timezone.override("Asia/Tokyo"):
        csv_value = export.preprocess_field_value("submitted_at", NOON_UTC, CSV)
        xlsx_value = export.preprocess_field_value("submitted_at", NOON_UTC, XLSX)

    assert csv_value == "2026-01-15T21:00:00+09:00"
    assert xlsx_value == datetime.datetime(2026, 1, 15, 21, 0)


def test_the_local_time_column_shows_the_readers_time():
    class Row:
        recorded_at = NOON_UTC

    column = LocalTimeColumn("recorded_at", label="Recorded at")
    with timezone.override("America/New_York"):
        html = column.render_cell_html(Row(), {"row": None, "table": None})

    assert 'datetime="2026-01-15T07:00:00-05:00"' in html
    assert "07:00" in html and "12:00" not in html


@pytest.mark.parametrize(
    ("language", "yes", "no"), [("en", "Yes", "No"), ("nl", "Ja", "Nee"), ("fr", "Oui", "Non")]
)
def test_a_yes_or_no_is_said_in_the_readers_language_in_listings_and_exports(language, yes, no):
    from django.utils import translation

    from privacy.viewsets import BooleanColumn

    class Row:
        locked = True
        agrees = False

    export = SpreadsheetExport()
    with translation.override(language):
        ticked = BooleanColumn("locked").render_cell_html(Row(), {"row": None, "table": None})
        unticked = BooleanColumn("agrees").render_cell_html(Row(), {"row": None, "table": None})
        cells = [
            export.preprocess_field_value("x", value, kind)
            for value in (True, False)
            for kind in (CSV, XLSX)
        ]

    assert yes in ticked and "True" not in ticked
    assert no in unticked and "False" not in unticked
    assert cells == [yes, yes, no, no]

"""Dates in words follow each language's rules, and a span within one day names the day once."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from privacy.dates import date_in_words, moment_in_words, span_in_words

BRUSSELS = ZoneInfo("Europe/Brussels")


@pytest.mark.parametrize(
    ("language", "first", "second"),
    [
        ("fr", "1er janvier 2027", "2 janvier 2027"),
        ("en", "1 January 2027", "2 January 2027"),
        ("nl", "1 januari 2027", "2 januari 2027"),
    ],
)
def test_the_first_of_a_month_is_1er_in_french_only(language, first, second):
    with translation.override(language):
        assert date_in_words(date(2027, 1, 1)) == first
        assert date_in_words(date(2027, 1, 2)) == second
        assert moment_in_words(datetime(2027, 1, 1, 9, 30, tzinfo=BRUSSELS)) == f"{first}, 09:30"


def test_an_evening_is_written_with_its_date_once():
    start = datetime(2026, 12, 23, 19, 0, tzinfo=BRUSSELS)
    end = datetime(2026, 12, 23, 22, 0, tzinfo=BRUSSELS)
    with translation.override("en"):
        assert span_in_words(start, end) == "23 December 2026, 19:00–22:00"
    with translation.override("fr"):
        assert span_in_words(start, end) == "23 décembre 2026, 19:00–22:00"


def test_a_span_over_two_days_names_both_days():
    start = datetime(2027, 3, 1, 9, 0, tzinfo=BRUSSELS)
    end = datetime(2027, 3, 2, 17, 0, tzinfo=BRUSSELS)
    with translation.override("fr"):
        assert span_in_words(start, end) == "1er mars 2027, 09:00 – 2 mars 2027, 17:00"


@pytest.mark.django_db
def test_a_moment_stored_in_utc_is_written_in_the_sites_time_zone():
    utc_evening = datetime(2026, 12, 23, 18, 0, tzinfo=ZoneInfo("UTC"))
    with translation.override("en"):
        assert moment_in_words(utc_evening) == "23 December 2026, 19:00"


def test_a_day_ends_at_midnight_after_it_in_the_site_time_zone_written_in_utc(settings):
    from privacy.dates import day_end

    settings.TIME_ZONE = "Europe/Brussels"

    assert day_end(date(2027, 1, 31)) == datetime(2027, 1, 31, 23, 0, tzinfo=ZoneInfo("UTC"))
    assert day_end(date(2027, 7, 31)) == datetime(2027, 7, 31, 22, 0, tzinfo=ZoneInfo("UTC"))
    assert day_end(None) is None

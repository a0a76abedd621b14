"""Dates nobody misreads: day before month, or the month spelled out, in every language."""

import re
from datetime import date, datetime

import pytest
from django.utils import formats, translation
from wagtail.users.models import UserProfile

from privacy.models import DataSubjectRequest
from tests.privacy.request_fixtures import admin_url


@pytest.mark.parametrize(
    ("language", "short", "long"),
    [
        ("en", "1 Feb 2027", "1 February 2027"),
        ("nl", "1 feb 2027", "1 februari 2027"),
        ("fr", "1 fév. 2027", "1 février 2027"),
    ],
)
def test_every_language_writes_the_day_first_or_spells_the_month(language, short, long):
    with translation.override(language):
        assert formats.date_format(date(2027, 2, 1), "SHORT_DATE_FORMAT") == short
        assert formats.date_format(date(2027, 2, 1), "DATE_FORMAT") == long
        assert formats.date_format(datetime(2026, 12, 23, 19, 0), "DATETIME_FORMAT").endswith(
            "2026, 19:00"
        )


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "shown"), [("en", "1 Feb 2027"), ("nl", "1 feb 2027")])
def test_a_due_date_in_the_admin_is_never_written_01_02_2027(
    client, officer, confirmed, language, shown
):
    DataSubjectRequest.objects.filter(pk=confirmed.pk).update(due_date=date(2027, 2, 1))
    profile = UserProfile.get_for_user(officer)
    profile.preferred_language = language
    profile.save()
    client.force_login(officer)

    page = client.get(admin_url("index")).content.decode()

    assert shown in page
    assert not re.search(r"\b0?[12][/.-]0?[12][/.-]2027\b", page)

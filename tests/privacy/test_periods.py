"""One wording for every retention: periods kept in the unit people use, counted in it, and
said by one function wherever a visitor reads them (register, notices, policy page, API)."""

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.db import connection
from django.utils import translation
from wagtail.models import Locale

from privacy.models import Purpose, RetentionStart
from privacy.periods import Period, period_in_words
from privacy.selectors import processing_register, purpose_notices
from privacy.services import retention_compute, retention_recompute
from privacy.services.purposes import purposes_ensure, purposes_load_defaults
from tests.privacy.factories import PurposeFactory
from tests.privacy.policy_factories import policy_page
from tests.privacy.testapp.models import Membership
from website.demo import privacy as demo
from website.demo.privacy import cookies as demo_cookies

LANGUAGES = ("nl", "fr", "en")
# The demo's own purposes, the plugins' shipped ones, and one per cookie category.
SHIPPED = {
    purpose["key"]
    for path in Path(__file__).resolve().parents[2].glob("*/default_purposes.json")
    for purpose in json.loads(path.read_text())
}
KEYS = {*demo.TEXTS, *SHIPPED, *(f"cookies-{key}" for key in demo_cookies.CATEGORIES)}

# A number (in figures or words) followed by a unit of time, in the three languages: the
# second wording of a period that only the register may state.
_NUMBER = r"(\d+|one|two|three|six|seven|een|één|twee|drie|zes|zeven|un|deux|trois|six|sept)"
_UNIT = r"(days?|weeks?|months?|years?|dagen|dag|weken|week|maanden|maand|jaar|jaren|jours?|semaines?|mois|ans?)"
DURATION = re.compile(rf"\b{_NUMBER}\s+{_UNIT}\b", re.IGNORECASE)


@pytest.fixture
def demo_purposes(db):
    for code in LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    purposes_load_defaults()
    purposes_ensure(specs=demo.SPECS, languages=LANGUAGES)
    purposes_ensure(
        specs=[demo_cookies._purpose_spec(key) for key in demo_cookies.CATEGORIES],
        languages=LANGUAGES,
    )
    return Purpose.objects.select_related("locale")


def test_every_purpose_states_its_period_in_one_wording_in_three_languages(
    client, home_page, demo_purposes
):
    pages = {"nl": policy_page(home_page)}
    for code in ("fr", "en"):
        locale = Locale.objects.get(language_code=code)
        pages[code] = pages["nl"].copy_for_translation(locale, copy_parents=True)
        pages[code].save_revision().publish()
    checked = 0
    for code in LANGUAGES:
        purposes = list(demo_purposes.filter(locale__language_code=code))
        assert {p.key for p in purposes} == KEYS
        register = {entry.key: entry.retention for entry in processing_register(locale=code)}
        notices = {notice.key: notice.retention for notice in purpose_notices(purposes, code)}
        html = client.get(pages[code].url).content.decode()
        shown = dict(
            re.findall(
                r'<section class="policy-purpose" id="purpose-([\w-]+)".*?<dd data-retention>(.*?)</dd>',
                html,
                re.DOTALL,
            )
        )
        with translation.override(code):
            for purpose in purposes:
                words = period_in_words(purpose.retention)
                retention = register[purpose.key]
                if purpose.retention_period:
                    assert words in retention, (code, purpose.key, retention)
                # The notice and the page say what the register says, word for word.
                assert notices[purpose.key] == retention
                if code == "nl":
                    # The source page; its translations are served once wagtail-localize
                    # publishes them, which this test does not go through.
                    assert shown[purpose.key].replace("&#x27;", "'") == retention
                # No text an editor wrote states a period of its own beside it.
                for text in (purpose.description, purpose.consent_text):
                    assert not DURATION.search(text), (code, purpose.key, text)
                checked += 1
    assert checked == 3 * len(KEYS)


def test_demo_periods_are_the_units_of_the_purposes_table(demo_purposes):
    periods = {p.key: p.retention for p in demo_purposes.filter(locale__language_code="en")}
    assert periods["job-application"] == Period(6, "months")
    assert periods["talent-pool"] == Period(1, "years")
    assert periods["event-registration"] == Period(3, "months")
    assert periods["privacy-request"] == Period(3, "years")
    assert periods["consent-proofs"] == Period(5, "years")
    assert periods["membership-application"] == Period(1, "years")
    assert periods["accounting"] == Period(7, "years")
    assert all(periods[f"cookies-{key}"] == Period(6, "months") for key in demo_cookies.CATEGORIES)
    with translation.override("en"):
        retention = next(
            e.retention for e in processing_register(locale="en") if e.key == "job-application"
        )
    assert retention == (
        "6 months after the vacancy closes. "
        "For a spontaneous application: 6 months from when you give it to us."
    )
    assert "183" not in retention and "days" not in retention


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize(
    ("started", "period"),
    [
        (datetime(2026, 8, 31, 10, 30, tzinfo=UTC), Period(6, "months")),
        (datetime(2026, 1, 31, 23, 59, 59, 123456, tzinfo=UTC), Period(1, "months")),
        (datetime(2028, 2, 29, tzinfo=UTC), Period(2, "years")),
        (datetime(2026, 3, 1, tzinfo=UTC), Period(4, "weeks")),
    ],
)
def test_the_database_counts_a_period_as_python_does(started, period):
    """Stored dates recomputed in one UPDATE are the dates computed row by row."""
    purpose = PurposeFactory(
        retention_period=period.amount,
        retention_unit=period.unit,
        retention_from=RetentionStart.SUBMISSION,
    )
    membership = Membership(email="ann@example.org", purpose_key=purpose.key, started_at=started)
    membership.retain_until = retention_compute(instance=membership)
    membership.save()
    assert membership.retain_until == period.after(started)

    Membership.objects.filter(pk=membership.pk).update(retain_until=None)
    assert retention_recompute(queryset=Membership.objects.all()) == 1

    membership.refresh_from_db()
    assert membership.retain_until == period.after(started), connection.vendor

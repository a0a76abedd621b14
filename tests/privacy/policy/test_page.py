"""The privacy policy page: editors' sections, the generated register, links to purposes."""

import pytest
from django.utils import translation

from privacy.models import LegalBasis, RetentionStart
from privacy.periods import Period, period_from_days, period_in_words
from privacy.register import retention_in_words
from privacy.selectors import policy_page_url, processing_register, purpose_policy_url
from tests.home.factories import translate
from tests.privacy.factories import PurposeFactory
from tests.privacy.policy_factories import policy_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def answer_request(locales):
    return PurposeFactory(
        key="answer-request",
        name="Uw vraag beantwoorden",
        legal_basis=LegalBasis.LEGITIMATE_INTEREST,
        data_categories="Naam, e-mailadres, uw vraag",
        recipients="Medewerkers van de Kamer",
        retention_period=1,
        retention_unit="years",
        retention_from=RetentionStart.DECISION,
    )


@pytest.fixture
def policy(home_page):
    return policy_page(home_page)


def test_the_page_shows_sections_version_date_and_one_entry_per_purpose(
    client, policy, answer_request
):
    PurposeFactory(
        key="newsletter",
        name="Nieuwsbrief",
        retention_period=0,
        retention_from=RetentionStart.WITHDRAWAL,
    )

    html = client.get(policy.url).content.decode()

    assert 'id="cookies"' in html and "Over cookies." in html
    assert "Versie 2.1" in html and "15 maart 2026" in html
    assert 'id="purpose-answer-request"' in html and 'id="purpose-newsletter"' in html
    assert "<dd>Gerechtvaardigd belang</dd>" in html
    assert "1 jaar na de beslissing over uw aanvraag." in html
    assert "Zolang uw toestemming geldt; verwijderd wanneer u ze intrekt." in html
    assert "Medewerkers van de Kamer" in html


def test_the_register_changes_when_a_purpose_retention_changes(client, policy, answer_request):
    before = client.get(policy.url).content.decode()
    assert "1 jaar na de beslissing over uw aanvraag." in before

    answer_request.retention_period, answer_request.retention_unit = 6, "months"
    answer_request.save()

    after = client.get(policy.url).content.decode()
    assert "1 jaar na de beslissing" not in after
    assert "6 maanden na de beslissing over uw aanvraag." in after


def test_a_purpose_not_yet_translated_is_still_in_every_language(
    client, home_page, locales, answer_request
):
    english_home = translate(home_page, locales["en"], title="Welcome", slug="welcome")
    english = policy_page(english_home, title="Privacy policy")

    entries = processing_register(locale="en")
    html = client.get(english.url).content.decode()

    assert [e.key for e in entries] == ["answer-request"]
    assert entries[0].retention == "1 year after your request has been decided on."
    assert 'id="purpose-answer-request"' in html and "Uw vraag beantwoorden" in html


def test_purpose_policy_url_points_at_the_purpose_anchor_in_the_language(
    home_page, locales, policy, answer_request
):
    english_home = translate(home_page, locales["en"], title="Welcome", slug="welcome")
    english = policy_page(english_home, title="Privacy policy")

    assert purpose_policy_url(answer_request, "nl") == f"{policy.url}#purpose-answer-request"
    assert purpose_policy_url("answer-request", "en") == f"{english.url}#purpose-answer-request"
    # No French policy: the default language's one rather than nothing.
    assert purpose_policy_url(answer_request, "fr") == f"{policy.url}#purpose-answer-request"


def test_the_cached_policy_address_follows_unpublishing(home_page, policy):
    assert policy_page_url(locale="nl") == policy.url

    policy.unpublish()

    assert policy_page_url(locale="nl") is None


def test_the_footer_links_to_the_policy_and_the_cookie_settings(client, home_page, policy):
    html = client.get(home_page.url).content.decode()
    footer = html[html.index('<footer class="site-footer">') :]

    assert f'<a href="{policy.url}">Privacybeleid</a>' in footer
    assert 'href="/nl/my-privacy/cookies/" data-cookie-settings>Cookie-instellingen</a>' in footer


def test_the_page_is_in_the_pages_api_with_its_register(client, policy, answer_request):
    response = client.get(
        f"/api/v2/pages/{policy.pk}/?fields=version,material_change_date,processing_register"
    )

    assert response.status_code == 200
    body = response.json()
    assert body["version"] == "2.1" and body["material_change_date"] == "2026-03-15"
    [entry] = body["processing_register"]
    assert entry["anchor"] == "purpose-answer-request"
    assert entry["legal_basis"] == "legitimate_interest"
    assert entry["retention"] == "1 jaar na de beslissing over uw aanvraag."


@pytest.mark.parametrize(
    ("period", "words"),
    [
        (Period(1, "years"), "1 year"),
        (Period(7, "years"), "7 years"),
        (Period(6, "months"), "6 months"),
        (Period(1, "months"), "1 month"),
        (Period(4, "weeks"), "4 weeks"),
        (Period(10, "days"), "10 days"),
        (Period(1, "days"), "1 day"),
    ],
)
def test_periods_read_in_their_own_unit(period, words):
    with translation.override("en"):
        assert period_in_words(period) == words


@pytest.mark.parametrize(
    ("days", "period"),
    [
        (365, Period(1, "years")),
        (2555, Period(7, "years")),
        (183, Period(6, "months")),
        (182, Period(6, "months")),
        (90, Period(3, "months")),
        (28, Period(4, "weeks")),
        (30, Period(1, "months")),
        (10, Period(10, "days")),
    ],
)
def test_days_stored_before_units_become_the_period_they_read_as(days, period):
    assert period_from_days(days) == period


def test_retention_reads_from_its_starting_moment(answer_request):
    answer_request.retention_from = RetentionStart.LAST_CONTACT
    with translation.override("fr"):
        assert retention_in_words(answer_request) == "1 an après notre dernier contact avec vous."

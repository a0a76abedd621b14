import pytest
from django.contrib.auth.models import Group

from privacy import conf
from privacy.models import Purpose
from website.demo import privacy as demo
from website.demo.localize import translate

# Every purpose of the chamber's table of purposes, keys exactly as there.
PURPOSES_TABLE_KEYS = {
    "answer-request",
    "membership-application",
    "member-administration",
    "accounting",
    "newsletter",
    "event-invitations",
    "publications",
    "surveys",
    "job-application",
    "talent-pool",
    "event-registration",
    "participant-list",
    "trainee-list",
    "event-photos",
    "cookies-preferences",
    "cookies-analytics",
    "cookies-advertising",
    "cookies-social",
    "privacy-request",
    "consent-proofs",
    "form-protection",
    "security-logs",
    "speaker-profiles",
    # Beyond the table: every other processing the site does has its purpose too.
    "newsletter-signup",
    "staff-accounts",
    "access-logs",
    "data-exports",
}
# Purposes the plugins ship that the demo words no differently.
PLUGIN_DEFAULTS = {
    "consent-proofs",
    "form-protection",
    "security-logs",
    "speaker-profiles",
    "newsletter-signup",
    "staff-accounts",
    "access-logs",
    "data-exports",
}


def _load():
    demo.load(log=lambda message: None, translate=translate)


@pytest.mark.django_db
def test_the_demo_adds_the_chambers_purposes_in_three_languages_and_the_officers_group():
    _load()

    # The cookie banner's purposes (cookies-<category>) come with the cookie categories.
    originals = Purpose.objects.filter(locale__language_code="nl").exclude(
        key__startswith="cookies-"
    )
    assert set(originals.values_list("key", flat=True)) == set(demo.TEXTS) | PLUGIN_DEFAULTS
    assert set(demo.TEXTS) | PLUGIN_DEFAULTS == {
        key for key in PURPOSES_TABLE_KEYS if not key.startswith("cookies-")
    }
    cookie_purposes = Purpose.objects.filter(locale__language_code="nl", key__startswith="cookies-")
    assert (
        set(cookie_purposes.values_list("key", flat=True))
        == PURPOSES_TABLE_KEYS - set(demo.TEXTS) - PLUGIN_DEFAULTS
    )
    for key, (basis, period, start) in demo.TERMS.items():
        purpose = originals.get(key=key)
        assert (purpose.legal_basis, purpose.retention, purpose.retention_from) == (
            basis,
            period,
            start,
        )
        assert purpose.recipients
    assert originals.get(key="answer-request").legal_basis == "legitimate_interest"
    assert originals.get(key="newsletter").legal_basis == "consent"
    assert originals.get(key="privacy-request").legal_basis == "legal_obligation"
    for original in originals:
        translations = Purpose.objects.filter(translation_key=original.translation_key)
        assert {p.locale.language_code: p.key for p in translations} == {
            "nl": original.key,
            "fr": original.key,
            "en": original.key,
        }
        assert all(p.latest_revision_id for p in translations)
    french = Purpose.objects.get(key="newsletter", locale__language_code="fr")
    assert french.name == "Lettre d'information"
    officers = Group.objects.get(name=conf.officers_group())
    assert officers.permissions.filter(codename="view_consentrecord").exists()


@pytest.mark.django_db
def test_loading_the_demo_again_leaves_an_editors_text_and_revisions_alone():
    _load()
    purpose = Purpose.objects.get(key="newsletter", locale__language_code="nl")
    purpose.consent_text = "Door een redacteur herschreven."
    purpose.save()
    purpose.save_revision(log_action=False)
    revisions = purpose.revisions.count()
    Purpose.objects.filter(key="event-photos", locale__language_code="en").delete()

    _load()

    purpose.refresh_from_db()
    assert purpose.consent_text == "Door een redacteur herschreven."
    assert purpose.revisions.count() == revisions
    # What was missing comes back.
    assert Purpose.objects.filter(key="event-photos", locale__language_code="en").exists()
    assert Purpose.objects.count() == len(PURPOSES_TABLE_KEYS) * 3


@pytest.mark.django_db
def test_the_demo_adds_the_request_page_in_three_languages_and_lets_officers_handle_requests(
    home_page, locales
):
    from privacy.models import DataRequestPage
    from tests.home.factories import translate

    translate(home_page, locales["fr"], title="Bienvenue", slug="bienvenue")
    translate(home_page, locales["en"], title="Welcome", slug="welcome")
    _load()
    _load()

    pages = DataRequestPage.objects.all()
    assert sorted(pages.values_list("locale__language_code", flat=True)) == ["en", "fr", "nl"]
    assert all(page.live for page in pages)
    assert pages.get(locale__language_code="fr").title.startswith("Vos données")
    assert "Would you like to know" in pages.get(locale__language_code="en").intro
    officers = Group.objects.get(name=conf.officers_group())
    assert officers.permissions.filter(codename="change_datasubjectrequest").exists()
    purpose = Purpose.objects.get(key="privacy-request", locale__language_code="en")
    assert purpose.legal_basis == "legal_obligation"
    assert (purpose.retention_period, purpose.retention_unit) == (3, "years")

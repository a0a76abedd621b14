"""``manage.py load_default_purposes``: the purposes the installed plugins rely on, as data."""

import io
import json
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command

from careers.constants import VACANCY_CLOSING
from privacy.models import LegalBasis, Purpose, RetentionStart
from privacy.periods import Period
from privacy.services.purposes import PurposeSpec, purposes_ensure

pytestmark = pytest.mark.django_db


def _load() -> str:
    out = io.StringIO()
    call_command("load_default_purposes", stdout=out)
    return out.getvalue()


def _shipped_keys() -> set[str]:
    keys = set()
    for config in apps.get_app_configs():
        path = Path(config.path) / "default_purposes.json"
        if path.is_file():
            keys |= {item["key"] for item in json.loads(path.read_text())}
    return keys


def test_each_plugins_purposes_are_made_in_every_content_language(locales):
    _load()

    assert _shipped_keys() == {
        "newsletter",
        "privacy-request",
        "job-application",
        "talent-pool",
        "event-registration",
        "participant-list",
        "trainee-list",
        "event-photos",
        "form-protection",
        "consent-proofs",
        # Every other processing the site does (the record of processing lists them all).
        "security-logs",
        "newsletter-signup",
        "staff-accounts",
        "access-logs",
        "data-exports",
        "speaker-profiles",
    }
    for key in _shipped_keys():
        rows = Purpose.objects.filter(key=key)
        assert {row.locale.language_code for row in rows} == {"nl", "fr", "en"}
        assert len({row.translation_key for row in rows}) == 1
        assert all(row.revisions.exists() for row in rows)
    job = Purpose.objects.get(key="job-application", locale=locales["nl"])
    assert job.name == "Uw sollicitatie behandelen"
    assert (job.legal_basis, job.retention, job.retention_from) == (
        LegalBasis.CONTRACT,
        Period(6, "months"),
        VACANCY_CLOSING.value,
    )


def test_loading_again_makes_nothing_and_keeps_what_editors_wrote(locales):
    _load()
    newsletter = Purpose.objects.get(key="newsletter", locale=locales["en"])
    newsletter.name = "Our monthly letter"
    newsletter.save()
    Purpose.objects.get(key="talent-pool", locale=locales["fr"]).delete()

    assert _load().startswith("1 ")

    assert Purpose.objects.get(key="newsletter", locale=locales["en"]).name == "Our monthly letter"
    assert Purpose.objects.filter(key="talent-pool", locale=locales["fr"]).exists()


def test_a_language_the_data_lacks_gets_the_first_languages_words_to_translate(locales):
    spec = PurposeSpec(
        key="site-visit",
        legal_basis=LegalBasis.CONSENT,
        retention_period=30,
        retention_unit="days",
        retention_from=RetentionStart.SUBMISSION,
        texts={"en": {"name": "Site visit", "consent_text": "Yes."}},
    )

    assert purposes_ensure(specs=[spec]) == 2

    source = Purpose.objects.get(key="site-visit", locale=locales["nl"])
    assert source.name == "Site visit"
    assert Purpose.objects.get(key="site-visit", locale=locales["en"]).name == "Site visit"
    assert not Purpose.objects.filter(key="site-visit", locale=locales["fr"]).exists()

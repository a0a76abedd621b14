"""What a notice states about a purpose, and how the ledger records box and notice decisions."""

import pytest
from django.utils import translation

from privacy import services
from privacy.models import ConsentDecision, ConsentRecord, LegalBasis
from privacy.register import retention_in_words
from privacy.selectors import (
    purpose_is_consent,
    purpose_notice,
    purpose_policy_url,
)
from tests.home.factories import translate
from tests.privacy.factories import ConsentRecordFactory, PurposeFactory
from tests.privacy.policy_factories import policy_page

pytestmark = pytest.mark.django_db


def test_a_notice_states_who_why_basis_retention_and_recipients(default_site):
    default_site.site_name = "Kamer van Koophandel"
    default_site.save()
    purpose = PurposeFactory(
        key="answer-request",
        name="Uw vraag beantwoorden",
        consent_text="We beantwoorden uw vraag.",
        legal_basis=LegalBasis.LEGITIMATE_INTEREST,
        recipients="Het secretariaat",
    )

    notice = purpose_notice(purpose, "nl")

    assert not purpose_is_consent(purpose)
    assert notice.controller == "Kamer van Koophandel"
    assert (notice.name, notice.text) == ("Uw vraag beantwoorden", "We beantwoorden uw vraag.")
    assert notice.legal_basis == "Gerechtvaardigd belang"
    # The notice and the privacy policy's register state retention in the same words.
    with translation.override("nl"):
        assert notice.retention == retention_in_words(purpose)
    assert notice.recipients == "Het secretariaat"
    assert notice.policy_url == ""


def test_the_controller_can_be_named_in_settings(settings, default_site):
    settings.PRIVACY_CONTROLLER = "Chambre de commerce Benelux asbl"

    assert purpose_notice(PurposeFactory(), "fr").controller == settings.PRIVACY_CONTROLLER


def test_the_policy_link_is_the_policy_page_in_the_visitors_language(home_page, locales):
    purpose = PurposeFactory(key="answer-request")
    assert purpose_policy_url(purpose, "nl") == ""

    policy = policy_page(home_page)
    assert purpose_policy_url(purpose, "nl") == f"{policy.url}#purpose-answer-request"

    translate(home_page, locales["fr"])
    french = translate(policy, locales["fr"], title="Vie privée", slug="vie-privee")
    assert purpose_policy_url(purpose, "fr") == f"{french.url}#purpose-answer-request"
    # A language the policy is not translated into gets the policy as it is.
    assert purpose_policy_url(purpose, "en") == f"{policy.url}#purpose-answer-request"

    policy.unpublish()
    french.unpublish()
    assert purpose_policy_url(purpose, "nl") == ""


def test_a_fixed_policy_address_wins(settings):
    settings.PRIVACY_POLICY_URL = "https://www.example.org/privacy/"

    purpose = PurposeFactory(key="newsletter")

    assert purpose_policy_url(purpose) == "https://www.example.org/privacy/#purpose-newsletter"


def test_the_ledger_records_given_refused_and_informed_with_granted_for_given_only():
    box, other_box, notice = PurposeFactory(), PurposeFactory(), PurposeFactory()

    records = services.consents_record(
        decisions={box: True, other_box: False, notice: ConsentDecision.INFORMED},
        locale="nl",
        source="form",
        email="ann@example.org",
    )

    stored = {r.purpose_id: (r.decision, r.granted) for r in ConsentRecord.objects.all()}
    assert stored == {
        box.pk: ("given", True),
        other_box.pk: ("refused", False),
        notice.pk: ("informed", False),
    }
    assert all(r.purpose_revision_id for r in records)


def test_an_unknown_decision_is_refused_and_nothing_is_recorded():
    with pytest.raises(ValueError, match="decision"):
        services.consents_record(
            decisions={PurposeFactory(): "maybe"}, locale="nl", source="form", email="a@b.org"
        )

    assert not ConsentRecord.objects.exists()


def test_granted_follows_the_decision_when_a_record_is_saved():
    informed = ConsentRecordFactory(decision="informed", granted=True)
    refused = ConsentRecordFactory(granted=False)

    assert (informed.decision, informed.granted) == ("informed", False)
    assert (refused.decision, refused.granted) == ("refused", False)


def test_an_informed_notice_is_never_an_active_consent():
    record = ConsentRecordFactory(decision="informed")

    assert not record.is_active
    assert not services.consent_withdraw(purpose_key=record.purpose_key, email=record.subject_email)


def test_the_migration_gives_existing_records_the_decision_their_granted_says():
    import importlib

    from django.apps import apps

    migration = importlib.import_module(
        "privacy.migrations.0004_consent_decisions_and_hashed_proofs"
    )
    given = ConsentRecordFactory(granted=True)
    refused = ConsentRecordFactory(granted=False)
    # Rows as the column's addition leaves them, before the data migration runs.
    ConsentRecord.objects.filter(pk=refused.pk).update(decision="")

    migration.decisions_from_granted(apps, None)

    assert ConsentRecord.objects.get(pk=given.pk).decision == "given"
    assert ConsentRecord.objects.get(pk=refused.pk).decision == "refused"

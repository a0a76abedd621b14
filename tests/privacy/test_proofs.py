"""Consent proofs outlive the data they covered, holding only a keyed hash of the address."""

import hashlib
import hmac
import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from privacy import services
from privacy.hashing import address_hash
from privacy.models import ConsentRecord, DeletionLog, RetentionStart
from privacy.selectors import consents_for_email
from tests.privacy.factories import ConsentRecordFactory, PurposeFactory
from tests.privacy.testapp.models import Dossier

pytestmark = pytest.mark.django_db

ANN = "ann@example.org"


def _run(*args):
    call_command("enforce_retention", *args, stdout=io.StringIO(), stderr=io.StringIO())


@pytest.fixture
def newsletter(db):
    return PurposeFactory(
        key="newsletter", retention_period=0, retention_from=RetentionStart.WITHDRAWAL
    )


def test_the_hash_is_an_hmac_of_the_address_under_the_configured_key(settings):
    settings.PRIVACY_HASH_KEY = "k" * 40

    expected = hmac.new(b"k" * 40, ANN.encode(), hashlib.sha256).hexdigest()

    assert address_hash(ANN) == expected
    assert address_hash(ANN) != hashlib.sha256(ANN.encode()).hexdigest()


def test_a_proof_keeps_the_address_while_the_subject_has_data_and_a_hash_once_it_is_gone(
    make_dossier,
):
    dossier = make_dossier(ANN, expired=False, files=False)
    proof = ConsentRecordFactory(subject_email=ANN, granted=False)

    _run()
    proof.refresh_from_db()
    assert (proof.subject_email, proof.subject_hash) == (ANN, "")

    Dossier.objects.filter(pk=dossier.pk).update(retain_until=timezone.now() - timedelta(days=1))
    _run()

    proof.refresh_from_db()
    assert not Dossier.objects.exists()
    assert (proof.subject_email, proof.subject_hash) == ("", address_hash(ANN))
    assert proof.pseudonymised_at is not None
    assert not ConsentRecord.objects.filter(subject_email=ANN).exists()
    logged = DeletionLog.objects.filter(reason="pseudonymisation", count__gt=0).get()
    assert (logged.model, logged.count) == ("privacy.ConsentRecord", 1)
    assert "ann" not in str(list(DeletionLog.objects.values())).lower()


def test_an_ongoing_consent_keeps_its_address_until_it_is_withdrawn(newsletter):
    grant = ConsentRecordFactory(subject_email=ANN, purpose=newsletter)
    refusal = ConsentRecordFactory(subject_email=ANN, granted=False)

    _run()
    assert set(ConsentRecord.objects.values_list("subject_email", flat=True)) == {ANN}

    services.consent_withdraw(purpose_key="newsletter", email=ANN)
    _run()

    assert set(ConsentRecord.objects.values_list("subject_email", flat=True)) == {""}
    assert {grant.pk, refusal.pk} == set(
        ConsentRecord.objects.filter(subject_hash=address_hash(ANN)).values_list("pk", flat=True)
    )


def test_a_dry_run_hashes_nothing_and_says_what_it_would_hash():
    proof = ConsentRecordFactory(subject_email=ANN, granted=False)
    out = io.StringIO()

    call_command("enforce_retention", "--dry-run", stdout=out)
    assert "would hash the address of 1 proof(s)" in out.getvalue()

    proof.refresh_from_db()
    assert proof.subject_email == ANN and proof.subject_hash == ""


def test_a_hashed_proof_is_deleted_the_configured_years_after_the_data_went(settings):
    settings.PRIVACY_CONSENT_PROOF_YEARS = 5
    now = timezone.now()
    recorded = now - timedelta(days=20 * 365)
    old = ConsentRecordFactory(
        subject_email="",
        subject_hash=address_hash("old@example.org"),
        pseudonymised_at=now - timedelta(days=6 * 365),
        recorded_at=recorded,
    )
    recent = ConsentRecordFactory(
        subject_email="",
        subject_hash=address_hash("recent@example.org"),
        pseudonymised_at=now - timedelta(days=4 * 365),
        recorded_at=recorded,
    )
    old_cookie_choice = ConsentRecordFactory(
        subject_email="", anonymous_id="cookie-1", recorded_at=now - timedelta(days=6 * 365)
    )
    new_cookie_choice = ConsentRecordFactory(
        subject_email="", anonymous_id="cookie-2", recorded_at=now - timedelta(days=4 * 365)
    )

    _run()

    remaining = set(ConsentRecord.objects.values_list("pk", flat=True))
    assert remaining == {recent.pk, new_cookie_choice.pk}
    assert old.pk not in remaining and old_cookie_choice.pk not in remaining


def test_consents_for_email_finds_clear_and_hashed_proofs_of_that_person_only():
    clear = ConsentRecordFactory(subject_email=ANN)
    hashed = ConsentRecordFactory(subject_email="", subject_hash=address_hash(ANN))
    ConsentRecordFactory(subject_email="", subject_hash=address_hash("bob@example.org"))
    ConsentRecordFactory(subject_email="bob@example.org")

    found = set(consents_for_email(" Ann@Example.org ").values_list("pk", flat=True))

    assert found == {clear.pk, hashed.pk}


def test_after_a_key_rotation_proofs_hashed_with_the_old_key_are_still_found(settings):
    settings.PRIVACY_HASH_KEY = "old-key-" + "o" * 32
    old = ConsentRecordFactory(subject_email="", subject_hash=address_hash(ANN))

    settings.PRIVACY_HASH_KEY = "new-key-" + "n" * 32
    assert not consents_for_email(ANN).exists()

    settings.PRIVACY_HASH_KEYS_OLD = ["old-key-" + "o" * 32]
    new = ConsentRecordFactory(subject_email="", subject_hash=address_hash(ANN))
    assert set(consents_for_email(ANN).values_list("pk", flat=True)) == {old.pk, new.pk}


def test_a_person_who_writes_in_again_gets_the_hashed_proofs_in_their_export(make_dossier):
    proof = ConsentRecordFactory(subject_email=ANN, granted=False)
    _run()
    make_dossier(ANN, expired=False, files=False)

    export = services.subject_export(email=ANN)

    assert [row["id"] for row in export.records["privacy.ConsentRecord"]] == [proof.pk]
    assert export.records["privacy.ConsentRecord"][0]["subject_hash"] == address_hash(ANN)
    assert services.subject_counts(email=ANN)["privacy.ConsentRecord"] == 1


def test_erasure_keeps_the_proofs_hashed_and_withdraws_a_standing_consent(make_dossier, newsletter):
    make_dossier(ANN, expired=False, files=False)
    grant = ConsentRecordFactory(subject_email=ANN, purpose=newsletter)
    other = ConsentRecordFactory(subject_email="bob@example.org", purpose=newsletter)

    services.subject_erase(email=ANN)

    grant.refresh_from_db()
    assert not Dossier.objects.exists()
    assert (grant.subject_email, grant.subject_hash) == ("", address_hash(ANN))
    assert grant.withdrawn_at is not None and not grant.is_active
    other.refresh_from_db()
    assert other.subject_email == "bob@example.org" and other.is_active
    assert list(consents_for_email(ANN)) == [grant]

"""A purpose can keep data for its own period after a given outcome, and a row can be kept
for a further purpose too, until the later end: here a test app's Candidacy, which no code in
privacy names."""

from datetime import timedelta

import pytest
from django.utils import timezone

from careers.constants import VACANCY_CLOSING
from privacy.models import ConsentRecord, ConsentSource, OutcomeRetention, RetentionStart
from privacy.services import (
    consent_record,
    consent_withdraw,
    consents_pseudonymise,
    retention_compute,
    retention_enforce,
    retention_refresh,
)
from tests.privacy.factories import PurposeFactory
from tests.privacy.testapp.models import Candidacy

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

STARTED = timezone.now() - timedelta(days=3)
EMAIL = "cas@example.org"


@pytest.fixture
def purposes():
    main = PurposeFactory(
        key="apply", retention_period=180, retention_from=RetentionStart.SUBMISSION
    )
    pool = PurposeFactory(
        key="pool", retention_period=365, retention_from=RetentionStart.SUBMISSION
    )
    OutcomeRetention.objects.create(purpose_key="apply", outcome="rejected", retention_period=28)
    OutcomeRetention.objects.create(purpose_key="apply", outcome="hired", retention_period=30)
    return main, pool


def _candidacy(**fields):
    candidacy = Candidacy(email=EMAIL, purpose_key="apply", started_at=STARTED, **fields)
    candidacy.retain_until = retention_compute(instance=candidacy)
    candidacy.save()
    return candidacy


def test_an_undecided_row_keeps_the_purposes_own_period(purposes):
    assert _candidacy().retain_until == STARTED + timedelta(days=180)


def test_a_decided_row_keeps_the_period_of_its_outcome_from_the_decision(purposes):
    decided = STARTED + timedelta(days=1)

    rejected = _candidacy(outcome="rejected", decided_at=decided)
    hired = _candidacy(outcome="hired", decided_at=decided)
    other = _candidacy(outcome="on_hold", decided_at=decided)

    assert rejected.retain_until == decided + timedelta(days=28)
    assert hired.retain_until == decided + timedelta(days=30)
    # No period for this outcome: the purpose's own, from where it counts.
    assert other.retain_until == STARTED + timedelta(days=180)


def test_a_row_also_kept_for_a_second_purpose_lasts_until_the_later_end(purposes):
    rejected_in_pool = _candidacy(
        outcome="rejected", decided_at=STARTED, pool_since=STARTED + timedelta(days=2)
    )
    assert rejected_in_pool.retain_until == STARTED + timedelta(days=2 + 365)


def test_editing_an_outcome_period_recomputes_stored_dates(purposes):
    rejected = _candidacy(outcome="rejected", decided_at=STARTED)
    undecided = _candidacy()

    with_commit = OutcomeRetention.objects.get(purpose_key="apply", outcome="rejected")
    with_commit.retention_period = 7
    with_commit.save()

    rejected.refresh_from_db()
    undecided.refresh_from_db()
    assert rejected.retain_until == STARTED + timedelta(days=7)
    assert undecided.retain_until == STARTED + timedelta(days=180)


def test_editing_the_second_purposes_period_recomputes_rows_kept_for_it(purposes):
    _main, pool = purposes
    in_pool = _candidacy(pool_since=STARTED)
    not_in_pool = _candidacy()

    pool.retention_period = 400
    pool.save()

    in_pool.refresh_from_db()
    not_in_pool.refresh_from_db()
    assert in_pool.retain_until == STARTED + timedelta(days=400)
    assert not_in_pool.retain_until == STARTED + timedelta(days=180)


def test_refresh_in_the_database_matches_the_computation(purposes):
    rows = [
        _candidacy(),
        _candidacy(outcome="rejected", decided_at=STARTED),
        _candidacy(outcome="hired", decided_at=STARTED, pool_since=STARTED),
        _candidacy(outcome="in_review", pool_since=STARTED),
    ]
    expected = {row.pk: row.retain_until for row in rows}
    Candidacy.objects.update(retain_until=None)

    retention_refresh(purpose_key="apply")

    assert dict(Candidacy.objects.values_list("pk", "retain_until")) == expected


def test_withdrawing_the_second_purposes_consent_ends_only_that_purpose(purposes):
    _main, pool = purposes
    consent_record(purpose=pool, granted=True, locale="nl", source=ConsentSource.FORM, email=EMAIL)
    candidacy = _candidacy(pool_since=STARTED)
    assert candidacy.retain_until == STARTED + timedelta(days=365)

    consent_withdraw(purpose_key="pool", email=EMAIL)

    candidacy.refresh_from_db()
    assert candidacy.pool_since is None
    assert candidacy.retain_until == STARTED + timedelta(days=180)


def test_an_expired_outcome_period_deletes_the_row(purposes):
    gone = _candidacy(outcome="rejected", decided_at=timezone.now() - timedelta(days=29))
    kept = _candidacy(outcome="rejected", decided_at=timezone.now() - timedelta(days=27))

    retention_enforce()

    assert not Candidacy.objects.filter(pk=gone.pk).exists()
    assert Candidacy.objects.filter(pk=kept.pk).exists()


def test_pseudonymising_one_address_leaves_everyone_elses_proofs(purposes):
    _main, pool = purposes
    for email in ("gone@example.org", "other@example.org"):
        consent_record(
            purpose=pool, granted=False, locale="nl", source=ConsentSource.FORM, email=email
        )

    counts = consents_pseudonymise(email="Gone@example.org")

    assert sum(counts.values()) == 1
    assert not ConsentRecord.objects.filter(subject_email="gone@example.org").exists()
    assert ConsentRecord.objects.filter(subject_email="other@example.org").exists()


def test_erasing_some_rows_deletes_them_logs_a_count_and_hashes_proofs_of_no_one_else(purposes):
    from privacy.models import DeletionLog, DeletionReason
    from privacy.services import rows_erase

    _main, pool = purposes
    consent_record(purpose=pool, granted=True, locale="nl", source=ConsentSource.FORM, email=EMAIL)
    first, second = _candidacy(), _candidacy()

    rows_erase(queryset=Candidacy.objects.filter(pk=first.pk))

    assert list(Candidacy.objects.values_list("pk", flat=True)) == [second.pk]
    entry = DeletionLog.objects.get(reason=DeletionReason.ERASURE)
    assert (entry.model, entry.count) == ("privacy_testapp.Candidacy", 1)
    # The same person still has a row: their proof keeps its address.
    assert ConsentRecord.objects.filter(subject_email=EMAIL).exists()

    rows_erase(queryset=Candidacy.objects.all())

    assert not ConsentRecord.objects.filter(subject_email=EMAIL).exists()
    assert ConsentRecord.objects.filter(purpose_key="pool").get().subject_hash


def test_the_policy_states_the_periods_after_each_outcome_beside_the_purposes_own(purposes):
    from django.utils import translation

    from privacy.register import retention_in_words

    main, _pool = purposes
    main.retention_from, main.retention_period = VACANCY_CLOSING.value, 6
    main.retention_unit = "months"
    main.save()
    OutcomeRetention.objects.filter(outcome="rejected").update(
        retention_period=4, retention_unit="weeks"
    )
    OutcomeRetention.objects.filter(outcome="hired").update(
        retention_period=1, retention_unit="months"
    )
    OutcomeRetention.objects.create(
        purpose_key="apply", outcome="withdrawn", retention_period=4, retention_unit="weeks"
    )

    with translation.override("en"):
        words = retention_in_words(main)

    # Outcomes read as their model's choices name them; the case is the installed app's.
    assert words.lower() == (
        "6 months after the vacancy closes. "
        "for a spontaneous application: 6 months from when you give it to us. "
        "rejected, withdrawn: 4 weeks after the decision. hired: 1 month after the decision."
    )


def test_the_policy_states_an_outcome_period_as_soon_as_an_editor_changes_it(purposes):
    from django.utils import translation

    from privacy.register import retention_in_words

    main, _pool = purposes
    with translation.override("en"):
        before = retention_in_words(main)  # read, and kept in the cache
        rule = OutcomeRetention.objects.get(purpose_key="apply", outcome="rejected")
        rule.retention_period, rule.retention_unit = 3, "months"
        rule.save()
        after = retention_in_words(main)

    assert "3 months after the decision" not in before
    assert "3 months after the decision" in after

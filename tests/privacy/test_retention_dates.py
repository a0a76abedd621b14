"""The privacy core works out and keeps right the retention date of any model declaring
``retention``: here a test app's Membership, which no code in privacy names."""

from datetime import timedelta

import pytest
from django.utils import timezone

from privacy.models import ConsentDecision, ConsentSource, RetentionStart
from privacy.services import (
    consent_record,
    consent_withdraw,
    retention_compute,
    retention_recompute,
)
from tests.privacy.factories import PurposeFactory
from tests.privacy.testapp.models import MEMBERSHIP_END, Membership

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

STARTED = timezone.now() - timedelta(days=3)


def _membership(purpose, **fields):
    membership = Membership(
        email="ann@example.org", purpose_key=purpose.key, started_at=STARTED, **fields
    )
    membership.retain_until = retention_compute(instance=membership)
    membership.save()
    return membership


def test_a_purpose_counting_from_the_decision_counts_from_the_start_until_decided():
    purpose = PurposeFactory(retention_period=30, retention_from=RetentionStart.DECISION)
    decided = STARTED + timedelta(days=1)

    open_membership = _membership(purpose)
    decided_membership = _membership(purpose, decided_at=decided)

    assert open_membership.retain_until == STARTED + timedelta(days=30)
    assert decided_membership.retain_until == decided + timedelta(days=30)


def test_a_withdrawal_purpose_keeps_the_row_while_consent_stands_then_counts_from_withdrawal():
    purpose = PurposeFactory(retention_period=10, retention_from=RetentionStart.WITHDRAWAL)
    consent_record(
        purpose=purpose,
        granted=True,
        locale="nl",
        source=ConsentSource.FORM,
        email="ann@example.org",
    )
    membership = _membership(purpose)
    assert membership.retain_until is None

    consent_withdraw(purpose_key=purpose.key, email="ann@example.org")

    membership.refresh_from_db()
    assert membership.retain_until is not None
    assert timezone.now() + timedelta(days=9) < membership.retain_until
    assert membership.retain_until <= timezone.now() + timedelta(days=10)


def test_a_grant_given_with_the_row_keeps_it_before_the_ledger_has_it():
    purpose = PurposeFactory(retention_period=10, retention_from=RetentionStart.WITHDRAWAL)
    membership = Membership(email="bo@example.org", purpose_key=purpose.key, started_at=STARTED)

    kept_while_consent_stands = None
    counted_from_start = STARTED + timedelta(days=10)

    for decision, expected in [
        (ConsentDecision.GIVEN, kept_while_consent_stands),
        (ConsentDecision.REFUSED, counted_from_start),
        (ConsentDecision.INFORMED, counted_from_start),
    ]:
        found = retention_compute(instance=membership, decisions={purpose: decision})
        assert found == expected, decision


def test_a_changed_retention_period_recomputes_every_stored_date():
    purpose = PurposeFactory(retention_period=30, retention_from=RetentionStart.SUBMISSION)
    membership = _membership(purpose)

    purpose.retention_period = 5
    purpose.save()

    membership.refresh_from_db()
    assert membership.retain_until == STARTED + timedelta(days=5)


def test_a_purpose_counting_from_the_end_counts_from_the_rows_end_or_else_its_start():
    purpose = PurposeFactory(retention_period=90, retention_from=MEMBERSHIP_END.value)
    ended = STARTED + timedelta(days=20)

    without_end = _membership(purpose)
    with_end = _membership(purpose, ended_at=ended)
    decided_but_counting_from_the_end = _membership(
        purpose, ended_at=ended, decided_at=STARTED + timedelta(days=1)
    )

    assert without_end.retain_until == STARTED + timedelta(days=90)
    assert with_end.retain_until == ended + timedelta(days=90)
    assert decided_but_counting_from_the_end.retain_until == ended + timedelta(days=90)


def test_a_changed_period_counting_from_the_end_recomputes_from_each_rows_end():
    purpose = PurposeFactory(retention_period=90, retention_from=MEMBERSHIP_END.value)
    ended = STARTED + timedelta(days=20)
    with_end, without_end = _membership(purpose, ended_at=ended), _membership(purpose)

    purpose.retention_period = 30
    purpose.save()

    with_end.refresh_from_db()
    without_end.refresh_from_db()
    assert with_end.retain_until == ended + timedelta(days=30)
    assert without_end.retain_until == STARTED + timedelta(days=30)


def test_recompute_redoes_the_dates_of_the_given_rows_only_after_their_end_moved():
    purpose = PurposeFactory(retention_period=90, retention_from=MEMBERSHIP_END.value)
    ended = STARTED + timedelta(days=20)
    moved, untouched = _membership(purpose, ended_at=ended), _membership(purpose, ended_at=ended)
    later = ended + timedelta(days=7)
    Membership.objects.filter(pk__in=[moved.pk, untouched.pk]).update(ended_at=later)

    updated = retention_recompute(queryset=Membership.objects.filter(pk=moved.pk))

    moved.refresh_from_db()
    untouched.refresh_from_db()
    assert updated == 1
    assert moved.retain_until == later + timedelta(days=90)
    assert untouched.retain_until == ended + timedelta(days=90)


def test_an_apps_own_end_is_offered_to_editors_and_stated_in_its_words():
    from django.utils import translation

    from privacy.models import Purpose
    from privacy.register import retention_in_words

    purpose = PurposeFactory(
        retention_period=3, retention_unit="months", retention_from=MEMBERSHIP_END.value
    )
    choices = dict(Purpose._meta.get_field("retention_from").choices)

    assert choices[MEMBERSHIP_END.value] == "End of the membership"
    with translation.override("en"):
        assert retention_in_words(purpose) == "3 months after the membership ends."
        purpose.retention_period = 0
        assert retention_in_words(purpose) == "Until the membership ends."

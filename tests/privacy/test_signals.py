import pytest
from django.db import transaction
from wagtail_localize.models import TranslationSource

from privacy import services
from privacy.models import ConsentRecord, Purpose, RetentionStart
from privacy.signals import consent_withdrawn, purpose_retention_changed
from tests.privacy.factories import PurposeFactory


@pytest.fixture
def received():
    """Every signal the privacy core sent during the test, as (name, kwargs)."""
    calls = []

    def on_retention(sender, **kwargs):
        calls.append(("purpose_retention_changed", sender, kwargs))

    def on_withdrawn(sender, **kwargs):
        calls.append(("consent_withdrawn", sender, kwargs))

    purpose_retention_changed.connect(on_retention, weak=False)
    consent_withdrawn.connect(on_withdrawn, weak=False)
    yield calls
    purpose_retention_changed.disconnect(on_retention)
    consent_withdrawn.disconnect(on_withdrawn)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "change", [{"retention_period": 30}, {"retention_from": RetentionStart.WITHDRAWAL}]
)
def test_a_retention_change_is_announced_on_commit(
    received, change, django_capture_on_commit_callbacks
):
    purpose = PurposeFactory(key="answer-request", retention_period=365)
    for name, value in change.items():
        setattr(purpose, name, value)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        purpose.save()
        assert received == []  # not before commit

    # One announcement; the forms' cache retires its copies on commit too (forms.cache).
    assert len([c for c in callbacks if c.__qualname__.startswith("Purpose.save")]) == 1
    [(name, sender, kwargs)] = received
    assert name == "purpose_retention_changed" and sender is Purpose
    assert kwargs["key"] == "answer-request" and kwargs["purpose"].pk == purpose.pk


@pytest.mark.django_db
def test_saving_other_fields_or_creating_a_purpose_announces_nothing(
    received, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        purpose = PurposeFactory(key="newsletter")
        purpose.name = "Another name"
        purpose.save()
        purpose.save_revision()
    assert received == []


@pytest.mark.django_db
def test_a_rolled_back_retention_change_is_never_announced(
    received, django_capture_on_commit_callbacks
):
    purpose = PurposeFactory(key="newsletter", retention_period=10)
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        purpose.retention_period = 20
        purpose.save()
        raise RuntimeError
    assert received == []
    assert Purpose.objects.get(pk=purpose.pk).retention_period == 10


@pytest.mark.django_db
def test_withdrawal_is_announced_per_subject_and_purpose(
    received, django_capture_on_commit_callbacks
):
    purpose = PurposeFactory(key="newsletter")
    services.consent_record(
        purpose=purpose, granted=True, locale="nl", source="form", email="ann@example.org"
    )

    with django_capture_on_commit_callbacks(execute=True):
        services.consent_withdraw(purpose_key="newsletter", email=" Ann@Example.org")
        # Nothing left to withdraw: nothing to announce.
        services.consent_withdraw(purpose_key="newsletter", email="ann@example.org")

    record = ConsentRecord.objects.get()
    [(name, sender, kwargs)] = received
    assert name == "consent_withdrawn" and sender is ConsentRecord
    assert kwargs == {
        "email": "ann@example.org",
        "purpose_key": "newsletter",
        "withdrawn_at": record.withdrawn_at,
        "signal": consent_withdrawn,
    }


@pytest.mark.django_db
def test_withdrawing_an_anonymous_cookie_choice_announces_nothing(
    received, django_capture_on_commit_callbacks
):
    purpose = PurposeFactory(key="analytics-cookies")
    services.consent_record(
        purpose=purpose, granted=True, locale="nl", source="banner", anonymous_id="c-1"
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert services.consent_withdraw(purpose_key="analytics-cookies", anonymous_id="c-1") == 1
    assert received == []


def test_a_translation_synchronised_by_wagtail_localize_announces_its_change(
    received, locales, django_capture_on_commit_callbacks
):
    original = PurposeFactory(key="newsletter", retention_period=30)
    source, _ = TranslationSource.get_or_create_from_instance(original)
    french, _ = source.create_or_update_translation(locales["fr"], fallback=True)
    original.retention_period = 60
    original.save()
    source.update_from_db()

    with django_capture_on_commit_callbacks(execute=True):
        source.create_or_update_translation(locales["fr"], fallback=True)

    [(_, _, kwargs)] = received
    assert kwargs["purpose"].pk == french.pk and kwargs["key"] == "newsletter"
    assert kwargs["purpose"].retention_period == 60

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from wagtail.models import Revision

from privacy import selectors, services
from privacy.models import ConsentRecord, Purpose
from tests.privacy.factories import PurposeFactory


def test_normalise_email_strips_and_lower_cases():
    assert services.normalise_email("  Ann.Peeters@Example.ORG ") == "ann.peeters@example.org"


@pytest.mark.parametrize("bad", ["", "ann", "ann@", "@example.org", "ann example@x.org"])
def test_normalise_email_refuses_malformed_addresses(bad):
    with pytest.raises(ValidationError):
        services.normalise_email(bad)


@pytest.mark.django_db
def test_consent_record_keeps_the_revision_and_text_shown_after_the_purpose_changes():
    purpose = PurposeFactory(key="newsletter", consent_text="Stuur mij de nieuwsbrief.")
    record = services.consent_record(
        purpose=purpose,
        granted=True,
        locale="nl",
        source="form",
        email="Ann@Example.org",
        source_ref="forms.FormSubmission:1",
    )
    purpose.consent_text = "Een heel andere tekst."
    purpose.save()
    purpose.save_revision()

    record.refresh_from_db()
    assert record.subject_email == "ann@example.org"
    assert record.text_shown == "Stuur mij de nieuwsbrief."
    assert record.purpose_revision.content["consent_text"] == "Stuur mij de nieuwsbrief."
    assert record.purpose_key == "newsletter"
    assert record.source_ref == "forms.FormSubmission:1"


@pytest.mark.django_db
def test_consent_record_creates_a_revision_for_a_purpose_that_has_none():
    purpose = PurposeFactory(key="photos")
    purpose.revisions.all().delete()
    purpose.latest_revision = None
    purpose.save()

    record = services.consent_record(
        purpose=purpose, granted=False, locale="en", source="form", email="a@example.org"
    )
    assert record.purpose_revision is not None


@pytest.mark.django_db
def test_consent_record_refuses_a_malformed_address_and_stores_nothing():
    purpose = PurposeFactory()
    with pytest.raises(ValidationError):
        services.consent_record(
            purpose=purpose, granted=True, locale="nl", source="form", email="not-an-address"
        )
    assert ConsentRecord.objects.count() == 0


@pytest.mark.django_db
def test_consent_record_needs_exactly_one_subject():
    purpose = PurposeFactory()
    with pytest.raises(ValueError):
        services.consent_record(purpose=purpose, granted=True, locale="nl", source="form")
    with pytest.raises(ValueError):
        services.consent_record(
            purpose=purpose,
            granted=True,
            locale="nl",
            source="form",
            email="a@example.org",
            anonymous_id="abc",
        )


@pytest.mark.django_db
def test_consents_record_stores_all_decisions_or_none():
    newsletter, photos = PurposeFactory(key="newsletter"), PurposeFactory(key="photos")
    records = services.consents_record(
        decisions={newsletter: True, photos: False},
        locale="nl",
        source="form",
        email="a@example.org",
    )
    assert [(r.purpose_key, r.granted) for r in records] == [
        ("newsletter", True),
        ("photos", False),
    ]
    with pytest.raises(ValueError):
        services.consents_record(
            decisions={newsletter: True}, locale="nl", source="nowhere", email="b@example.org"
        )
    assert not ConsentRecord.objects.filter(subject_email="b@example.org").exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_consents_record_undoes_every_write_when_a_later_decision_fails_in_the_database():
    newsletter = PurposeFactory(key="newsletter")
    # Without a revision, recording makes one: a write before the records themselves.
    photos = PurposeFactory(key="photos")
    photos.revisions.all().delete()
    Purpose.objects.filter(pk=photos.pk).update(latest_revision=None)
    photos.refresh_from_db()
    # Deleted meanwhile (e.g. by an editor): its row only fails at the database's FK check,
    # after the INSERT has written the other decisions.
    gone = PurposeFactory(key="gone")
    Purpose.objects.filter(pk=gone.pk).delete()

    with pytest.raises(IntegrityError):
        services.consents_record(
            decisions={newsletter: True, photos: False, gone: True},
            locale="nl",
            source="form",
            email="a@example.org",
        )

    assert not ConsentRecord.objects.exists()
    assert not Revision.objects.filter(
        object_id=str(photos.pk), base_content_type__model="purpose"
    ).exists()
    assert Purpose.objects.get(pk=photos.pk).latest_revision_id is None


@pytest.mark.django_db
def test_consent_withdraw_marks_grants_and_keeps_the_proof():
    purpose = PurposeFactory(key="newsletter")
    services.consent_record(
        purpose=purpose, granted=True, locale="nl", source="form", email="a@example.org"
    )
    services.consent_record(
        purpose=purpose, granted=True, locale="nl", source="form", email="other@example.org"
    )

    assert services.consent_withdraw(purpose_key="newsletter", email="A@example.org") == 1
    assert services.consent_withdraw(purpose_key="newsletter", email="a@example.org") == 0

    record = ConsentRecord.objects.get(subject_email="a@example.org")
    assert record.withdrawn_at is not None and not record.is_active
    assert ConsentRecord.objects.get(subject_email="other@example.org").withdrawn_at is None
    assert not selectors.consent_is_granted(email="a@example.org", purpose_key="newsletter")
    assert selectors.consent_is_granted(email="other@example.org", purpose_key="newsletter")


@pytest.mark.django_db
def test_anonymous_cookie_choices_are_recorded_and_withdrawn_by_id():
    purpose = PurposeFactory(key="analytics")
    services.consent_record(
        purpose=purpose, granted=True, locale="fr", source="banner", anonymous_id="cookie-123"
    )
    assert services.consent_withdraw(purpose_key="analytics", anonymous_id="cookie-123") == 1


@pytest.mark.django_db
def test_consents_current_gives_the_latest_decision_per_purpose():
    newsletter, photos = PurposeFactory(key="newsletter"), PurposeFactory(key="photos")
    services.consent_record(
        purpose=newsletter, granted=True, locale="nl", source="form", email="a@example.org"
    )
    latest = services.consent_record(
        purpose=newsletter,
        granted=False,
        locale="nl",
        source="preference_centre",
        email="a@example.org",
    )
    services.consent_record(
        purpose=photos, granted=True, locale="nl", source="form", email="a@example.org"
    )

    current = selectors.consents_current(email="a@example.org")
    assert set(current) == {"newsletter", "photos"}
    assert current["newsletter"].pk == latest.pk and not current["newsletter"].granted


def test_purpose_get_prefers_the_requested_locale_and_falls_back_to_the_default(locales):
    original = PurposeFactory(key="newsletter", locale=locales["nl"])
    french = original.copy_for_translation(locales["fr"])
    french.save()
    assert selectors.purpose_get(key="newsletter", locale="fr").pk == french.pk
    assert selectors.purpose_get(key="newsletter", locale="en").pk == original.pk
    assert selectors.purpose_get(key="missing", locale="en") is None

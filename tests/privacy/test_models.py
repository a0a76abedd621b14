import io
from datetime import UTC, datetime

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction
from wagtail.models import Revision
from wagtail_localize.models import StringTranslation, TranslationSource

from privacy.models import ConsentRecord, Purpose
from tests.privacy.factories import ConsentRecordFactory, PurposeFactory


@pytest.mark.django_db
def test_retain_until_adds_the_retention_period_to_the_start():
    purpose = PurposeFactory(retention_period=183, retention_unit="days")
    start = datetime(2026, 1, 1, tzinfo=UTC)
    assert purpose.retain_until(start) == datetime(2026, 7, 3, tzinfo=UTC)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("start", "amount", "unit", "until"),
    [
        # Six months are six calendar months, not 182 days.
        (datetime(2026, 1, 15, 9, tzinfo=UTC), 6, "months", datetime(2026, 7, 15, 9, tzinfo=UTC)),
        # A month past the 31st ends on the month's last day.
        (datetime(2026, 8, 31, tzinfo=UTC), 6, "months", datetime(2027, 2, 28, tzinfo=UTC)),
        (datetime(2028, 2, 29, tzinfo=UTC), 1, "years", datetime(2029, 2, 28, tzinfo=UTC)),
        (datetime(2026, 3, 1, tzinfo=UTC), 4, "weeks", datetime(2026, 3, 29, tzinfo=UTC)),
    ],
)
def test_retain_until_counts_in_the_purposes_unit(start, amount, unit, until):
    purpose = PurposeFactory(retention_period=amount, retention_unit=unit)
    assert purpose.retain_until(start) == until


def _translate(purpose, locale, texts):
    """Translate as the admin's translation editor does: strings, then the translation."""
    source, _ = TranslationSource.get_or_create_from_instance(purpose)
    source.update_from_db()
    for segment in source.stringsegment_set.select_related("string", "context"):
        if segment.string.data in texts:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": texts[segment.string.data]},
            )
    translation, _ = source.create_or_update_translation(locale, fallback=True)
    return translation


def test_translations_share_the_key_and_legal_terms_and_get_their_own_text(locales):
    original = PurposeFactory(key="newsletter", name="Nieuwsbrief", retention_period=30)

    translation = _translate(original, locales["fr"], {"Nieuwsbrief": "Lettre d'information"})

    french = Purpose.objects.get(key="newsletter", locale=locales["fr"])
    assert french.pk == translation.pk != original.pk
    assert french.translation_key == original.translation_key
    assert french.name == "Lettre d'information"
    assert french.consent_text == original.consent_text  # untranslated: falls back

    original.retention_period = 60
    original.save()
    _translate(original, locales["fr"], {})
    french.refresh_from_db()
    assert french.retention_period == 60 and french.name == "Lettre d'information"


def test_a_key_is_unique_within_a_locale(locales):
    PurposeFactory(key="newsletter", locale=locales["nl"])
    with pytest.raises(IntegrityError), transaction.atomic():
        Purpose.objects.create(
            key="newsletter",
            locale=locales["nl"],
            name="Again",
            consent_text="x",
            retention_period=0,
        )


@pytest.mark.django_db
def test_a_consent_record_needs_an_e_mail_or_an_anonymous_id():
    with pytest.raises(IntegrityError), transaction.atomic():
        ConsentRecordFactory(subject_email="", anonymous_id="")
    assert ConsentRecord.objects.count() == 0


@pytest.mark.django_db
def test_purging_old_revisions_keeps_the_one_a_consent_was_given_on():
    purpose = PurposeFactory(key="newsletter", consent_text="Stuur mij de nieuwsbrief.")
    record = ConsentRecordFactory(purpose=purpose)
    shown = record.purpose_revision_id
    for text in ("Tweede tekst.", "Derde tekst."):
        purpose.consent_text = text
        purpose.save()
        purpose.save_revision(log_action=False)
    unused = purpose.revisions.exclude(pk__in=[shown, purpose.latest_revision_id]).get()

    call_command("purge_revisions", stdout=io.StringIO())

    record.refresh_from_db()
    assert record.purpose_revision_id == shown
    assert record.purpose_revision.content["consent_text"] == "Stuur mij de nieuwsbrief."
    assert not Revision.objects.filter(pk=unused.pk).exists()

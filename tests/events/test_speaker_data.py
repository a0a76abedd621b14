"""Speakers are data subjects too: their profile is exported, erased and kept on time, and an
erasure leaves no copy behind in Wagtail's side tables (translations, log, photo)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import ModelLogEntry
from wagtail_localize.models import String, TranslatableObject, TranslationSource

from events.constants import EVENT_END
from events.models import EventPageSpeaker, Speaker
from privacy.services.retention import retention_enforce
from privacy.services.subjects import subject_erase, subject_export
from tests.events.factories import SpeakerFactory
from tests.privacy.factories import PurposeFactory

pytestmark = pytest.mark.django_db

BIOGRAPHY = "<p>Hilde leidt al twintig jaar exportmissies naar Luxemburg.</p>"


@pytest.fixture
def speaker(locales, make_event):
    """A translated profile with a photo and the speaker's (unpublished) address."""
    photo = get_image_model().objects.create(title="Hilde", file=get_test_image_file())
    nl = SpeakerFactory(
        name="Hilde Claes", biography=BIOGRAPHY, photo=photo, email="hilde@example.org"
    )
    source, _ = TranslationSource.get_or_create_from_instance(nl)
    source.create_or_update_translation(locales["fr"], fallback=True)
    ModelLogEntry.objects.log_action(nl, "wagtail.create")
    return nl


def test_a_speakers_profile_is_in_their_export_without_being_published(speaker, client):
    export = subject_export(email="Hilde@Example.org")

    names = {row["name"] for row in export.records["events.Speaker"]}
    assert names == {"Hilde Claes"}
    assert len(export.records["events.Speaker"]) == 2  # the Dutch profile and its translation
    assert "hilde@example.org" not in str(client.get("/api/v2/snippets/").content)


def test_erasure_leaves_no_name_or_biography_in_wagtails_side_tables(speaker):
    photo_id = speaker.photo_id
    key = speaker.translation_key
    assert String.objects.filter(data__contains="exportmissies").exists()

    subject_erase(email="hilde@example.org")

    assert not Speaker.objects.filter(translation_key=key).exists()
    assert not String.objects.filter(data__contains="exportmissies").exists()
    assert not String.objects.filter(data="Hilde Claes").exists()
    assert not TranslationSource.objects.filter(object_id=key).exists()
    assert not TranslatableObject.objects.filter(translation_key=key).exists()
    assert not ModelLogEntry.objects.filter(label="Hilde Claes").exists()
    assert not get_image_model().objects.filter(pk=photo_id).exists()


def test_a_profile_goes_a_year_after_the_speakers_last_event(speaker, make_event, locales):
    PurposeFactory(
        key="speaker-profiles",
        retention_period=1,
        retention_unit="years",
        retention_from=EVENT_END.value,
    )
    long_ago = timezone.now() - timedelta(days=400)
    old = make_event(title="Oud", start=long_ago, end=long_ago + timedelta(hours=2))
    EventPageSpeaker.objects.create(page=old, speaker=speaker)
    recent_speaker = SpeakerFactory(name="Recent")
    EventPageSpeaker.objects.create(
        page=make_event(
            title="Nieuw",
            start=timezone.now() - timedelta(days=30),
            end=timezone.now() - timedelta(days=30) + timedelta(hours=2),
        ),
        speaker=recent_speaker,
    )
    unplanned = SpeakerFactory(name="Nog zonder evenement")

    retention_enforce()

    assert not Speaker.objects.filter(translation_key=speaker.translation_key).exists()
    assert Speaker.objects.filter(pk__in=[recent_speaker.pk, unplanned.pk]).count() == 2


def test_without_the_purpose_no_profile_expires(speaker, make_event):
    long_ago = timezone.now() - timedelta(days=4000)
    old = make_event(title="Oud", start=long_ago, end=long_ago + timedelta(hours=2))
    EventPageSpeaker.objects.create(page=old, speaker=speaker)

    retention_enforce()

    assert Speaker.objects.filter(pk=speaker.pk).exists()

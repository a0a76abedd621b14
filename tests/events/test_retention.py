"""Retention through the privacy core: registrations, waiting-list entries and the speakers'
access log go the purpose's period (90 days, editable) after the event ends, automatically,
and follow the event when its end moves. A photo consent stays for its own period from the
event; then its proof stays, hashed."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import timezone

from events.models import PhotoConsent, Registration, SpeakerAccessLog, SpeakerLink
from events.services import (
    registration_cancel,
    speaker_access_log,
    speaker_link_create,
)
from forms.models import FormSubmission
from privacy.models import ConsentRecord
from tests.events.factories import SpeakerFactory, person

pytestmark = pytest.mark.django_db


@pytest.fixture
def training(make_event, register):
    """A training of one seat: a confirmed, a waiting and a cancelled registration, a speaker
    link opened once."""
    page = make_event(kind="training", capacity=1, participant_list="off")
    register(page, person(1, photo_consent="on"))
    register(page, person(2))
    register(page, person(3))
    registration_cancel(
        registration=Registration.objects.get(submission__subject_email="an3@example.org")
    )
    link = speaker_link_create(event=page, speaker=SpeakerFactory(), email="spreker@example.org")
    speaker_access_log(link=link)
    return page


def _move(page, *, ended_days_ago: int) -> None:
    page.end = timezone.now() - timedelta(days=ended_days_ago)
    page.start = page.end - timedelta(hours=2)
    page.save()
    page.submission_end_moved()


def _counts() -> tuple[int, int, int, int]:
    return (
        Registration.objects.count(),
        FormSubmission.objects.count(),
        SpeakerLink.objects.count(),
        SpeakerAccessLog.objects.count(),
    )


def test_every_record_is_kept_until_90_days_after_the_end(training):
    expected = training.end + timedelta(days=90)

    for submission in FormSubmission.objects.all():
        assert submission.ends_at == training.end
        assert submission.retain_until == expected
    assert {link.retain_until for link in SpeakerLink.objects.all()} == {expected}


def test_enforce_retention_keeps_everything_until_the_period_is_over(training):
    _move(training, ended_days_ago=89)

    call_command("enforce_retention", verbosity=0)

    assert _counts() == (3, 3, 1, 1)


def test_enforce_retention_deletes_registrations_waiting_list_and_access_log_after_90_days(
    training,
):
    _move(training, ended_days_ago=91)

    call_command("enforce_retention", verbosity=0)

    assert _counts() == (0, 0, 0, 0)


def test_the_period_is_the_purposes_and_privacy_officers_can_change_it(
    training, event_purposes, django_capture_on_commit_callbacks
):
    purpose = event_purposes["event-registration"]
    purpose.retention_period = 30
    with django_capture_on_commit_callbacks(execute=True):
        purpose.save()

    expected = training.end + timedelta(days=30)
    assert {s.retain_until for s in FormSubmission.objects.all()} == {expected}
    assert {link.retain_until for link in SpeakerLink.objects.all()} == {expected}


def test_publishing_a_moved_event_recomputes_the_dates(training):
    new_end = training.end + timedelta(days=14)
    training.end = new_end
    training.start = new_end - timedelta(hours=2)
    training.save_revision().publish()

    expected = new_end + timedelta(days=90)
    assert {s.ends_at for s in FormSubmission.objects.all()} == {new_end}
    assert {s.retain_until for s in FormSubmission.objects.all()} == {expected}
    assert {link.retain_until for link in SpeakerLink.objects.all()} == {expected}


def test_the_photo_consent_outlives_the_registration_for_its_period_then_its_proof_is_hashed(
    training,
):
    _move(training, ended_days_ago=91)
    call_command("enforce_retention", verbosity=0)

    # The registration is gone; the photo consent, kept 3 years from the event, is not.
    assert not Registration.objects.exists()
    record = PhotoConsent.objects.get()
    assert record.ends_at == training.end
    proof = ConsentRecord.objects.get(purpose_key="event-photos", granted=True)
    assert proof.subject_email == "an1@example.org"

    _move(training, ended_days_ago=3 * 366)
    call_command("enforce_retention", verbosity=0)

    assert not PhotoConsent.objects.exists()
    proof.refresh_from_db()
    assert proof.subject_email == ""
    assert len(proof.subject_hash) == 64
    assert not ConsentRecord.objects.filter(subject_email="an1@example.org").exists()


def _log_every_registration_and_speaker_link():
    """An admin log entry on each registration and speaker link, as a screen that logs its
    changes writes; the label names the person. Returns the entries, as a queryset."""
    from wagtail.log_actions import log
    from wagtail.models import ModelLogEntry

    rows = [*Registration.objects.all(), *SpeakerLink.objects.all()]
    for row in rows:
        log(instance=row, action="wagtail.edit")
    logged = ModelLogEntry.objects.filter(
        content_type__in=ContentType.objects.get_for_models(Registration, SpeakerLink).values()
    )
    assert logged.count() == len(rows) == 4
    return logged


def test_a_registration_erased_with_its_submission_leaves_no_admin_log_entry(training):
    from privacy.services import rows_erase

    logged = _log_every_registration_and_speaker_link()
    registration = Registration.objects.get(submission__subject_email="an1@example.org")

    rows_erase(queryset=FormSubmission.objects.filter(pk=registration.submission_id))

    assert not Registration.objects.filter(pk=registration.pk).exists()
    # Its entry is gone; the other registrations' and the link's stay.
    assert logged.count() == 3
    assert not logged.filter(
        content_type=ContentType.objects.get_for_model(Registration), object_id=str(registration.pk)
    ).exists()


def test_deleting_an_event_leaves_no_admin_log_entry_of_its_registrations_or_links(training):
    logged = _log_every_registration_and_speaker_link()

    training.delete()

    assert _counts()[0::2] == (0, 0)
    assert not logged.exists()

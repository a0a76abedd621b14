"""Speakers' access to a training's registration list through their signed, expiring link."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from events.constants import EventKind
from events.models import EventPageSpeaker, SpeakerAccessLog, SpeakerLink
from events.services import speaker_link_create
from events.services.links import SPEAKER
from tests.events.factories import SpeakerFactory, person
from tests.users import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def speaker():
    return SpeakerFactory(name="Sofie Spreker")


@pytest.fixture
def training(make_event, register, speaker):
    page = make_event(title="Opleiding GDPR", slug="opleiding-gdpr", kind=EventKind.TRAINING)
    EventPageSpeaker.objects.create(page=page, speaker=speaker)
    register(page, person(1))
    register(page, person(2))
    return page


@pytest.fixture
def organiser(client, events_group):
    user = make_user("organiser", groups=[events_group])
    client.force_login(user)
    return user


def _url(link):
    return reverse("events_speakers:speaker_list", args=[SPEAKER.token(link)])


def test_an_organiser_sends_a_link_whose_address_stays_off_the_speaker(
    client, organiser, training, speaker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("events_registrations:speaker_links", args=[training.pk]),
            {"speaker": speaker.pk, "email": "Sofie@Example.org", "language": "fr"},
        )

    assert response.status_code == 302
    link = SpeakerLink.objects.get()
    assert (link.event_id, link.speaker_id, link.email) == (
        training.pk,
        speaker.pk,
        "sofie@example.org",
    )
    assert link.ends_at == training.end and link.retain_until > training.end
    speaker.refresh_from_db()
    assert speaker.email == ""  # the link's address is not copied onto the public profile
    (message,) = [m for m in mail.outbox if m.to == ["sofie@example.org"]]
    assert message.to == ["sofie@example.org"]
    url = re.search(r"https?://\S+/speaker-list/\S+/", message.body).group(0)
    assert "/fr/speaker-list/" in url
    page = client.get(reverse("events_registrations:speaker_links", args=[training.pk]))
    assert "sofie@example.org" in page.content.decode()


def test_the_link_shows_the_trainees_and_logs_every_opening(client, training, speaker):
    link = speaker_link_create(event=training, speaker=speaker, email="sofie@example.org")

    first = client.get(_url(link))
    second = client.get(_url(link))

    body = first.content.decode()
    assert first.status_code == second.status_code == 200
    for text in ("An1", "Peeters1", "an1@example.org", "an2@example.org"):
        assert text in body
    assert "Zaakvoerder" not in body and "Voorbeeld BV" not in body
    assert first["Referrer-Policy"] == "no-referrer"
    assert "no-store" in first["Cache-Control"] or "max-age=0" in first["Cache-Control"]
    assert SpeakerAccessLog.objects.filter(link=link).count() == 2


def test_the_link_stops_working_when_the_training_ends(client, training, speaker):
    link = speaker_link_create(event=training, speaker=speaker, email="sofie@example.org")
    now = timezone.now()
    training.start, training.end = now - timedelta(hours=3), now - timedelta(minutes=1)
    training.save_revision().publish()
    SpeakerLink.objects.filter(pk=link.pk).update(ends_at=training.end)

    response = client.get(_url(link))

    assert response.status_code == 410
    assert "an1@example.org" not in response.content.decode()
    assert not SpeakerAccessLog.objects.exists()


def test_a_tampered_or_revoked_link_is_refused_and_logs_nothing(
    client, organiser, training, speaker
):
    link = speaker_link_create(event=training, speaker=speaker, email="sofie@example.org")
    token = SPEAKER.token(link)
    tampered = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
    tampered_response = client.get(reverse("events_speakers:speaker_list", args=[tampered]))

    client.post(reverse("events_registrations:speaker_link_revoke", args=[training.pk, link.pk]))
    revoked = client.get(_url(link))

    for response in (tampered_response, revoked):
        assert response.status_code == 400
        assert "an1@example.org" not in response.content.decode()
    assert SpeakerLink.objects.get().revoked_at is not None
    assert not SpeakerAccessLog.objects.exists()


def test_a_registrants_link_does_not_open_the_speakers_list(client, training):
    from events.models import Registration
    from events.services.links import REGISTRATION

    token = REGISTRATION.token(Registration.objects.first())
    response = client.get(reverse("events_speakers:speaker_list", args=[token]))
    assert response.status_code == 400


def test_no_speaker_links_for_an_event_or_from_non_organisers(
    client, make_event, training, speaker, events_group
):
    event = make_event(kind=EventKind.EVENT)
    client.force_login(make_user("organiser", groups=[events_group]))
    refused_event = client.post(
        reverse("events_registrations:speaker_links", args=[event.pk]),
        {"speaker": speaker.pk, "email": "sofie@example.org", "language": "nl"},
    )
    client.force_login(make_user("editor"))
    refused_editor = client.post(
        reverse("events_registrations:speaker_links", args=[training.pk]),
        {"speaker": speaker.pk, "email": "sofie@example.org", "language": "nl"},
    )

    assert refused_event.status_code == refused_editor.status_code == 302
    assert not SpeakerLink.objects.exists()
    assert not [m for m in mail.outbox if m.to == ["sofie@example.org"]]

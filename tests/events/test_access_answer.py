"""A registrant's access answer names who saw their name: each speaker's opening of the
training's list while they were on it, and an event's public participant list."""

import pytest
from django.urls import reverse

from events.constants import EventKind
from events.models import Registration
from events.services import speaker_link_create
from events.services.links import SPEAKER
from privacy.services.access_report import access_report, access_report_html
from tests.events.factories import SpeakerFactory, person

pytestmark = pytest.mark.django_db


def opened_by_speaker(client, link):
    client.get(reverse("events_speakers:speaker_list", args=[SPEAKER.token(link)]))


def test_the_answer_lists_each_speakers_opening_of_the_list_with_the_persons_name(
    client, make_event, register
):
    training = make_event(title="Opleiding GDPR", kind=EventKind.TRAINING)
    register(training, person(1))
    link = speaker_link_create(
        event=training, speaker=SpeakerFactory(name="Sofie Spreker"), email="sofie@example.org"
    )
    opened_by_speaker(client, link)
    opened_by_speaker(client, link)
    register(training, person(2))  # on the list only after those openings

    first = access_report_html(report=access_report(email="an1@example.org", language="en"))
    later = access_report_html(report=access_report(email="an2@example.org", language="en"))

    assert first.count("the speaker Sofie Spreker") == 2
    assert "opened the registration list of “Opleiding GDPR”, with your name" in first
    assert "Sofie Spreker" not in later


def test_the_answer_says_the_name_was_on_a_public_list_unless_the_person_objected(
    make_event, register
):
    from events.services import registration_address_confirm

    event = make_event(title="Netwerkavond", participant_list="public")
    register(event, person(1))
    register(event, person(2))
    for registration in Registration.objects.all():
        registration_address_confirm(registration=registration)
    Registration.objects.filter(submission__subject_email="an2@example.org").update(
        hidden_from_list=True
    )

    shown = access_report_html(report=access_report(email="an1@example.org", language="en"))
    objected = access_report_html(report=access_report(email="an2@example.org", language="en"))

    assert "participant list of “Netwerkavond”" in shown
    assert "participant list of “Netwerkavond”" not in objected

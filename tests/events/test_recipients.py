"""A speaker who opened a training's list after a person registered received that person's
data: the officer is shown the speaker to tell of an erasure or rectification (art. 19)."""

import pytest

from events.services import speaker_access_log, speaker_link_create
from privacy.recipients import recipients_for
from tests.events.factories import SpeakerFactory, person

pytestmark = pytest.mark.django_db


def test_speakers_who_opened_the_list_are_recipients_of_the_trainees(make_event, register):
    training = make_event(kind="training", participant_list="off")
    register(training, person(1))
    opened = speaker_link_create(
        event=training, speaker=SpeakerFactory(), email="spreker@example.org"
    )
    speaker_access_log(link=opened)
    speaker_link_create(event=training, speaker=SpeakerFactory(), email="nooit@example.org")

    names = [recipient.name for recipient in recipients_for("an1@example.org")]

    assert any("spreker@example.org" in name for name in names)
    assert not any("nooit@example.org" in name for name in names)
    assert not any("spreker@example.org" in r.name for r in recipients_for("an2@example.org"))


def test_a_speaker_who_opened_the_list_while_someone_waited_is_no_recipient_of_theirs(
    make_event, register
):
    # The speakers' list holds confirmed trainees alone: a person still waiting was not on
    # it, so the speaker received nothing of theirs.
    training = make_event(kind="training", participant_list="off", capacity=1)
    register(training, person(1))
    register(training, person(2))
    link = speaker_link_create(
        event=training, speaker=SpeakerFactory(), email="spreker@example.org"
    )
    speaker_access_log(link=link)

    assert any("spreker@example.org" in r.name for r in recipients_for("an1@example.org"))
    assert not any("spreker@example.org" in r.name for r in recipients_for("an2@example.org"))

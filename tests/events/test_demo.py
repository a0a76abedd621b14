"""load_demo adds the agenda: an upcoming public event with two speakers, a training and a past
event in nl, fr and en, the Events group and the inbox it reads; a second run changes nothing."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from events.models import EventPage, Speaker
from forms.models import Inbox
from website.demo import events as demo
from website.demo.localize import translate

pytestmark = pytest.mark.django_db


def _agenda():
    """The events and the speakers, as a second run must leave them."""
    pages = sorted(EventPage.objects.values_list("pk", "locale__language_code", "url_path"))
    return pages, sorted(Speaker.objects.values_list("pk", "name"))


def test_demo_builds_the_agenda_in_three_languages_once(client):
    call_command("load_demo", stdout=io.StringIO())
    first = _agenda()
    demo.load(log=lambda message: None, translate=translate)

    assert _agenda() == first
    now = timezone.now()
    sources = EventPage.objects.filter(locale__language_code="nl")
    for source in sources:
        languages = {page.locale.language_code for page in source.get_translations().live()}
        assert languages == {"fr", "en"}, source
    public = sources.get(kind="event", end__gt=now)
    # Nothing public by default: the list is for the confirmed participants.
    assert public.participant_list == "participants"
    assert [s.speaker.name for s in public.event_speakers.all()] == ["Els Janssens", "Marc Dubois"]
    assert sources.get(kind="training").end > now
    assert sources.filter(end__lte=now).exists()  # the archive is not empty
    inbox = Inbox.objects.get(name="Event registrations")
    assert inbox.group.name == "Events"
    assert inbox.purpose.key == "event-registration"
    for language, slug in (("nl", "agenda"), ("fr", "agenda"), ("en", "events")):
        assert client.get(f"/{language}/{slug}/").status_code == 200
        # The main menu leads to the agenda in every language.
        assert f'href="/{language}/{slug}/"' in client.get(f"/{language}/").content.decode()
    english = EventPage.objects.get(
        locale__language_code="en", translation_key=public.translation_key
    )
    html = client.get(english.url).content.decode()
    assert "Networking evening" in html
    assert "Trade attaché" in html

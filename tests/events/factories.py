"""Factories for the events app: index and event pages, speakers, registrations.

``EventPageFactory(parent=index)`` makes a live event a week ahead, two hours long, with no
capacity limit; tests set ``capacity``, ``registration_deadline`` or dates as they need.
"""

from datetime import timedelta

import factory
import wagtail_factories
from django.utils import timezone, translation
from django.utils.html import escape
from wagtail.models import Locale

from events.constants import EventKind
from events.models import EventIndexPage, EventPage, Speaker
from tests.forms.factories import InboxFactory


def _nl():
    return Locale.objects.get_or_create(language_code="nl")[0]


class EventIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventIndexPage

    title = "Agenda"
    slug = factory.Sequence(lambda n: f"agenda-{n}")
    locale = factory.LazyFunction(_nl)


class EventPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Netwerkavond {n}")
    slug = factory.Sequence(lambda n: f"netwerkavond-{n}")
    locale = factory.LazyFunction(_nl)
    kind = EventKind.EVENT
    start = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    end = factory.LazyAttribute(lambda o: o.start + timedelta(hours=2))
    venue = "Kamer van Koophandel"
    address = "Louizalaan 1\n1050 Brussel"
    online_url = ""
    description = "<p>Een avond om elkaar te ontmoeten.</p>"
    capacity = None
    participant_list = "participants"
    inbox = factory.SubFactory(InboxFactory)


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Speaker

    name = factory.Sequence(lambda n: f"Spreker {n}")
    function = "Directeur"
    organisation = "Voorbeeld NV"
    locale = factory.LazyFunction(_nl)


def person(n: int = 1, **overrides) -> dict:
    data = {
        "first_name": f"An{n}",
        "last_name": f"Peeters{n}",
        "function": "Zaakvoerder",
        "company": "Voorbeeld BV",
        "email": f"an{n}@example.org",
        "needs": "",
    }
    data.update(overrides)
    return data


def dutch(message, *, html: bool = True) -> str:
    """``message`` as a visitor of the Dutch pages reads it (escaped as a page shows it)."""
    with translation.override("nl"):
        text = str(message)
    return escape(text) if html else text

"""Fixtures for the events tests: the event purposes, the Events inbox, an index, a helper to
register through the page as a visitor does."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from events.constants import EVENT_END
from privacy.models import LegalBasis, RetentionStart
from tests.events.factories import EventIndexPageFactory, EventPageFactory, person
from tests.forms.factories import InboxFactory
from tests.privacy.factories import PurposeFactory


@pytest.fixture
def event_purposes(db):
    return {
        "event-registration": PurposeFactory(
            key="event-registration",
            name="Inschrijving",
            consent_text="We gebruiken uw gegevens om uw inschrijving te behandelen.",
            legal_basis=LegalBasis.CONTRACT,
            retention_period=90,
            retention_from=EVENT_END.value,
        ),
        "participant-list": PurposeFactory(
            key="participant-list",
            name="Deelnemerslijst",
            consent_text="Uw voornaam, naam en functie staan op de deelnemerslijst.",
            legal_basis=LegalBasis.LEGITIMATE_INTEREST,
            retention_period=0,
            retention_from=RetentionStart.DECISION,
        ),
        "trainee-list": PurposeFactory(
            key="trainee-list",
            name="Lijst voor de sprekers",
            consent_text="De sprekers krijgen uw voornaam, naam en e-mailadres.",
            legal_basis=LegalBasis.CONTRACT,
            retention_period=0,
            retention_from=RetentionStart.DECISION,
        ),
        "event-needs": PurposeFactory(
            key="event-needs",
            name="Dieet- of toegankelijkheidswensen",
            consent_text="Ik wil dieet- of toegankelijkheidswensen meedelen en stem er "
            "uitdrukkelijk mee in dat u ze gebruikt om mijn deelname te regelen.",
            legal_basis=LegalBasis.CONSENT,
            retention_period=0,
            retention_from=EVENT_END.value,
        ),
        "event-photos": PurposeFactory(
            key="event-photos",
            name="Foto's",
            consent_text="Ik ga akkoord dat de Kamer mij als hoofdonderwerp fotografeert en "
            "filmt en dat publiceert op haar website, sociale netwerken en in haar magazine, "
            "gedurende 3 jaar na het evenement.",
            legal_basis=LegalBasis.CONSENT,
            retention_period=3,
            retention_unit="years",
            retention_from=EVENT_END.value,
        ),
    }


@pytest.fixture
def events_group(db):
    return Group.objects.get_or_create(name="Events")[0]


@pytest.fixture
def events_inbox(event_purposes, events_group):
    return InboxFactory(
        name="Event registrations",
        group=events_group,
        purpose=event_purposes["event-registration"],
        notification_address="",
    )


@pytest.fixture
def index(home):
    return EventIndexPageFactory(parent=home)


@pytest.fixture
def make_event(index, events_inbox):
    def make(**options):
        options.setdefault("parent", index)
        options.setdefault("inbox", events_inbox)
        return EventPageFactory(**options)

    return make


@pytest.fixture
def event(make_event):
    return make_event(title="Netwerkavond", slug="netwerkavond", capacity=2)


@pytest.fixture
def register(client, django_capture_on_commit_callbacks):
    """POST the registration form of ``page`` as a visitor; returns the response.

    Callbacks run on commit (the e-mails) are run, as they would be outside a test.
    """

    def post(page, data: dict | None = None, **overrides):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(page.url, data if data is not None else person(**overrides))

    return post

"""The events app's models: pages, speakers, registrations and speakers' links."""

from .pages import EventFormField, EventIndexPage, EventPage, EventPageSpeaker
from .registrations import (
    PhotoConsent,
    Registration,
    RegistrationNeeds,
    SpeakerAccessLog,
    SpeakerLink,
)
from .speakers import Speaker

__all__ = [
    "EventFormField",
    "EventIndexPage",
    "EventPage",
    "EventPageSpeaker",
    "PhotoConsent",
    "Registration",
    "RegistrationNeeds",
    "Speaker",
    "SpeakerAccessLog",
    "SpeakerLink",
]

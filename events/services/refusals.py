"""Why a registration change is refused or withheld, in the words the person reads."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from forms.services import ConsentWordingChanged, SubmissionRefused, SubmissionWithheld

from ..models import Registration

CANCEL_AFTER_END = gettext_lazy(
    "This event has ended, so its registrations can no longer be cancelled."
)
CHANGE_AFTER_END = gettext_lazy("This event has ended, so its registrations no longer change.")
TAKEN_ALREADY = gettext_lazy(
    "This address is already registered for this event; open that registration instead."
)


class AlreadyRegistered(SubmissionWithheld):
    """The address already holds a seat or a place on the waiting list for this event.

    Withheld, not refused: "already registered" would tell anyone whether that person
    attends. The sender gets the answer a first registration would get now (``waiting``
    when the event is full); the address's owner gets the confirmation again.
    """

    def __init__(self, *, registration: Registration, waiting: bool):
        super().__init__()
        self.registration = registration
        self.waiting = waiting


# A photo consent given on words changed meanwhile: forms' refusal, nothing recorded.
PhotoWordingChanged = ConsentWordingChanged


class RegistrationChangeRefused(SubmissionRefused):
    """A change that cannot happen (the event has ended); nothing was changed. Its
    ``message`` says why, as forms' refusals do."""


class CancellationRefused(RegistrationChangeRefused):
    """A cancellation that cannot happen (the event has ended); nothing was changed."""

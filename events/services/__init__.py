"""Everything in events with side effects, by topic: the seats and their lock
(:mod:`.capacity`), registering and cancelling (:mod:`.registrations`), the photo consent
(:mod:`.consents`), speaker links (:mod:`.speakers`), and why a change is refused
(:mod:`.refusals`). Callers import from here.
"""

from .consents import photo_consents_end, registration_photo_choice
from .refusals import (
    CANCEL_AFTER_END,
    AlreadyRegistered,
    CancellationRefused,
    PhotoWordingChanged,
    RegistrationChangeRefused,
)
from .registrations import (
    registration_add,
    registration_address_confirm,
    registration_cancel,
    registration_move_up,
    registration_object,
    registration_refused,
    registration_take,
    registrations_promote,
)
from .speakers import (
    speaker_access_log,
    speaker_link_create,
    speaker_link_revoke,
    speaker_link_send,
)

__all__ = [
    "CANCEL_AFTER_END",
    "AlreadyRegistered",
    "CancellationRefused",
    "PhotoWordingChanged",
    "RegistrationChangeRefused",
    "photo_consents_end",
    "registration_add",
    "registration_address_confirm",
    "registration_cancel",
    "registration_move_up",
    "registration_object",
    "registration_photo_choice",
    "registration_refused",
    "registration_take",
    "registrations_promote",
    "speaker_access_log",
    "speaker_link_create",
    "speaker_link_revoke",
    "speaker_link_send",
]

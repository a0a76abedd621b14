"""Names other apps, templates and the API rely on: kinds, statuses, purpose keys, form keys."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from privacy.vocabulary import RetentionEnd


class EventKind(models.TextChoices):
    EVENT = "event", _("Event")
    TRAINING = "training", _("Training")


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


ACTIVE_STATUSES = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING)


class ParticipantListAudience(models.TextChoices):
    """Who sees an event's participant list (GDPR art. 25(2): nothing public by default)."""

    OFF = "off", _("No participant list")
    PARTICIPANTS = (
        "participants",
        _("Confirmed participants only, through the link in their confirmation e-mail"),
    )
    PUBLIC = "public", _("Everyone: a public page")


# The cap on the function a participant list shows beside a name.
FUNCTION_MAX_LENGTH = 80
# The participant list under an event page's URL (a public list only).
PARTICIPANTS_PATH = "participants"

# Purposes (see the chamber's purpose table): keys are stable, texts editable.
PURPOSE_REGISTRATION = "event-registration"
PURPOSE_PARTICIPANT_LIST = "participant-list"
PURPOSE_TRAINEE_LIST = "trainee-list"
PURPOSE_PHOTOS = "event-photos"
# Dietary and access needs may reveal health or religion: explicit consent (GDPR art. 9(2)(a)).
PURPOSE_NEEDS = "event-needs"
PURPOSE_SPEAKER_PROFILES = "speaker-profiles"

# What "the end" of a registration means, in the policy's words: a purpose counting from it
# keeps registrations, lists and speakers' links until the event's end, or for a period after.
EVENT_END = RetentionEnd(
    value="end",
    label=_("End of the event or training"),
    until=_("Until the event or training ends."),
    after=_("%(duration)s after the event or training ends."),
)

# Keys of the registration form's fixed questions: the participant list, the check-in list
# and the speakers' list read the answers under these names.
KEY_FIRST_NAME = "first_name"
KEY_LAST_NAME = "last_name"
KEY_FUNCTION = "function"
KEY_COMPANY = "company"
KEY_EMAIL = "email"
KEY_NEEDS = "needs"
KEY_LIST_OBJECTION = "hide_from_participant_list"
KEY_PURPOSE_REGISTRATION = "purpose_event_registration"
KEY_PURPOSE_PARTICIPANT_LIST = "purpose_participant_list"
KEY_PURPOSE_TRAINEE_LIST = "purpose_trainee_list"
KEY_PURPOSE_PHOTOS = "photo_consent"
KEY_PURPOSE_NEEDS = "needs_consent"

# Every key above, written once: an editor's question may take none of them.
FIXED_KEYS = frozenset(value for name, value in dict(globals()).items() if name.startswith("KEY_"))

# The calendar file under an event page's URL: ``<page url>calendar/`` (Wagtail's page URLs end
# in a slash and carry no dot), served as ``<slug>.ics``.
ICS_PATH = "calendar"

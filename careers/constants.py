"""Names the careers app shares with the admin UI, the API and the demo."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from privacy.vocabulary import RetentionEnd

# The group that reads applications and changes their status (with superusers).
RECRUITMENT_GROUP = "Recruitment"
# The inbox every application lands in.
RECRUITMENT_INBOX = "Recruitment"
# Purposes (privacy.Purpose keys) an application form must state and may offer.
APPLICATION_PURPOSE = "job-application"
TALENT_POOL_PURPOSE = "talent-pool"

# What "the end" of an application means, in the policy's words: the vacancy's closing.
VACANCY_CLOSING = RetentionEnd(
    value="closing",
    label=_("Closing of the vacancy"),
    until=_("Until the vacancy closes."),
    after=_("%(duration)s after the vacancy closes."),
    without=_("For a spontaneous application:"),
)

# Field keys of the prefilled application form.
KEY_NAME = "name"
KEY_EMAIL = "email"
KEY_PHONE = "phone"
KEY_CV = "cv"
KEY_LETTER = "motivation_letter"
KEY_MESSAGE = "message"
KEY_APPLICATION_PURPOSE = "purpose_job_application"
KEY_TALENT_POOL = "purpose_talent_pool"


class ApplicationStatus(models.TextChoices):
    """Where an application stands; hired, rejected and withdrawn are decisions."""

    NEW = "new", _("New")
    IN_REVIEW = "in_review", _("In review")
    INTERVIEW = "interview", _("Interview")
    OFFER = "offer", _("Offer")
    HIRED = "hired", _("Hired")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


DECISIONS = frozenset(
    {ApplicationStatus.HIRED, ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN}
)

# The workflow: forward one step, or rejected/withdrawn from any open status; a decision
# may be reopened, back to review.
_FORWARD = {
    ApplicationStatus.NEW: ApplicationStatus.IN_REVIEW,
    ApplicationStatus.IN_REVIEW: ApplicationStatus.INTERVIEW,
    ApplicationStatus.INTERVIEW: ApplicationStatus.OFFER,
    ApplicationStatus.OFFER: ApplicationStatus.HIRED,
}


def next_statuses(status: str) -> list[ApplicationStatus]:
    """The statuses an application in ``status`` may move to (back to review after a
    decision: it is reopened)."""
    if status in DECISIONS:
        return [ApplicationStatus.IN_REVIEW]
    forward = _FORWARD.get(ApplicationStatus(status))
    return [s for s in (forward, ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN) if s]


class EmploymentType(models.TextChoices):
    """schema.org ``employmentType`` values, which Google's job search reads."""

    FULL_TIME = "FULL_TIME", _("Full-time")
    PART_TIME = "PART_TIME", _("Part-time")
    CONTRACTOR = "CONTRACTOR", _("Contractor")
    TEMPORARY = "TEMPORARY", _("Temporary")
    INTERN = "INTERN", _("Internship")
    VOLUNTEER = "VOLUNTEER", _("Volunteer")
    OTHER = "OTHER", _("Other")


class VacancyStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")

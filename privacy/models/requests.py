"""Data-subject requests (GDPR art. 15-21): the page that takes them, the request, its answer."""

from __future__ import annotations

import calendar
import uuid
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import conf
from ..signals import purpose_retention_changed
from ..storage import private_storage

REQUEST_PURPOSE = "privacy-request"


def officers_or_superusers() -> Q:
    """Who may handle a request: the officers' group (named by ``PRIVACY_OFFICERS_GROUP``)
    and superusers. A callable, so the setting is read when the choices are, not baked into
    a migration."""
    return Q(groups__name=conf.officers_group()) | Q(is_superuser=True)


class RequestKind(models.TextChoices):
    """Every right a person has over their data (GDPR arts. 7(3), 15-18, 20, 21)."""

    ACCESS = "access", _("Access to my data")
    RECTIFICATION = "rectification", _("Correction of my data")
    ERASURE = "erasure", _("Erasure of my data")
    RESTRICTION = "restriction", _("Restriction of the processing of my data")
    PORTABILITY = "portability", _("A copy of my data in a machine-readable format")
    OBJECTION = (
        "objection",
        _("Objection to the processing of my data (for example to photos of me)"),
    )
    WITHDRAWAL = "withdrawal", _("Withdrawal of my consent")


class RequestStatus(models.TextChoices):
    NEW = "new", _("New (address not confirmed)")
    CONFIRMED = "confirmed", _("Confirmed")
    IN_PROGRESS = "in_progress", _("In progress")
    ANSWERED = "answered", _("Answered")
    REJECTED = "rejected", _("Rejected")
    CLOSED = "closed", _("Closed")


#: Statuses that end a request: its retention counts from then.
FINAL_STATUSES = (RequestStatus.REJECTED, RequestStatus.CLOSED)


def months_after(day: date, months: int) -> date:
    """The same day ``months`` later, or that month's last day."""
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def one_month_after(moment: datetime) -> date:
    """The same day next month, or that month's last day (GDPR art. 12(3): "one month")."""
    return months_after(moment.date(), 1)


#: How much longer an officer may take, once, with a reason told to the requester
#: (GDPR art. 12(3): "extended by two further months where necessary").
EXTENSION_MONTHS = 2


# A request whose mark currently stops the processing of its address (GDPR art. 18): the
# database's spelling of :attr:`DataSubjectRequest.is_restricting`.
RESTRICTING = Q(restricted_at__isnull=False, restriction_lifted_at__isnull=True)


class DataSubjectRequest(models.Model):
    """A person's request about their own data, handled by the privacy officers.

    Nothing is shown or done for the requester before they confirm the address through the
    signed link sent to it; the one-month answering period starts then. The row itself is
    kept under the ``privacy-request`` purpose (a legal obligation) for three years after
    closure, and an unconfirmed one disappears when its link expires.
    """

    kind = models.CharField(_("kind"), max_length=32, choices=RequestKind.choices)
    email = models.EmailField(_("e-mail"), db_index=True)
    message = models.TextField(_("message"), blank=True)
    locale = models.CharField(_("language"), max_length=16)
    status = models.CharField(
        _("status"), max_length=32, choices=RequestStatus.choices, default=RequestStatus.NEW
    )
    created_at = models.DateTimeField(_("received at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True, db_index=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        limit_choices_to=officers_or_superusers,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("handled by"),
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    extended_at = models.DateTimeField(_("deadline extended at"), null=True, blank=True)
    extension_reason = models.TextField(_("reason for the extension"), blank=True)
    restricted_at = models.DateTimeField(
        _("processing restricted since"),
        null=True,
        blank=True,
        help_text=_(
            "While set and not lifted, nothing is mailed to the address and no "
            "retention is extended (GDPR art. 18)."
        ),
    )
    restriction_lifted_at = models.DateTimeField(_("restriction lifted at"), null=True, blank=True)
    purpose_key = models.SlugField(_("purpose key"), default=REQUEST_PURPOSE, editable=False)
    retain_until = models.DateTimeField(_("kept until"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("data-subject request")
        verbose_name_plural = _("data-subject requests")
        ordering = ["due_date", "-created_at"]

    class PersonalData:
        subject = "email"
        purpose = "purpose_key"
        expired = "retain_until"

    def __str__(self) -> str:
        # Labels end up in the admin's log entries: no address in them.
        return _("Request #%(number)s") % {"number": self.pk}

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None

    @property
    def is_open(self) -> bool:
        return self.is_confirmed and self.status not in FINAL_STATUSES

    @property
    def is_restricting(self) -> bool:
        """Whether this request's mark currently stops the processing of the address."""
        return self.restricted_at is not None and self.restriction_lifted_at is None

    def retention_sync(self) -> None:
        """Kept three years (the purpose's retention) from closure; an open request is kept,
        a reopened one too."""
        if self.status not in FINAL_STATUSES:
            self.closed_at = None
            if self.is_confirmed:
                self.retain_until = None
            return
        if self.closed_at is None:
            self.closed_at = timezone.now()
        from .purposes import Purpose

        purpose = Purpose.objects.filter(key=REQUEST_PURPOSE).order_by("pk").first()
        self.retain_until = (
            purpose.retain_until(self.closed_at)
            if purpose is not None
            else self.closed_at + relativedelta(years=3)
        )

    def days_left(self, today: date | None = None) -> int | None:
        if self.due_date is None or not self.is_open:
            return None
        return (self.due_date - (today or timezone.localdate())).days


def _answer_file_name(instance, filename):
    # A random key: neither the address nor the request number appears in storage.
    return f"privacy/answers/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.zip"


class RequestAnswer(models.Model):
    """The export sent to a requester: a file in private storage behind a signed link.

    Retention deletes the row and its file once the link has expired, so the copy made for
    the answer lives no longer than it is needed.
    """

    request = models.ForeignKey(
        DataSubjectRequest,
        on_delete=models.CASCADE,
        related_name="answers",
        verbose_name=_("request"),
    )
    file = models.FileField(_("file"), storage=private_storage, upload_to=_answer_file_name)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    expires_at = models.DateTimeField(_("link expires at"), db_index=True)
    downloads = models.PositiveIntegerField(_("downloads"), default=0)

    class Meta:
        verbose_name = _("request answer")
        verbose_name_plural = _("request answers")
        default_permissions = ()

    class PersonalData:
        subject = "request__email"
        files = ("file",)
        expired = "expires_at"

    def __str__(self) -> str:
        return f"{_('answer')} #{self.pk}"

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @staticmethod
    def default_expiry(now: datetime, days: int) -> datetime:
        return now + timedelta(days=days)


@receiver(post_delete, sender=RequestAnswer)
def _answer_file_delete(sender, instance, **kwargs):
    """However the row goes (retention, erasure, its request's deletion), its file goes too:
    a cascade from the request would otherwise leave the export in storage."""
    if instance.file:
        instance.file.storage.delete(instance.file.name)


@receiver(purpose_retention_changed)
def _closed_requests_follow_their_purpose(sender, key, **kwargs):
    """A new retention for ``privacy-request`` applies to requests already closed."""
    if key != REQUEST_PURPOSE:
        return
    for data_request in DataSubjectRequest.objects.filter(closed_at__isnull=False):
        data_request.retention_sync()
        data_request.save(update_fields=["retain_until"])

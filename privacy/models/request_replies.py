"""What officers answered to a data-subject request: one row per message sent.

The text is stored as it was sent, in the requester's language, so that the request's record
shows what the person was told (GDPR art. 5(2), accountability); it is kept, and erased,
together with its request.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .requests import DataSubjectRequest, RequestKind


class ReplyOutcome(models.TextChoices):
    ACCESS = "access", _("Access given")
    PORTABILITY = "portability", _("Machine-readable copy given")
    ERASED = "erased", _("Data erased")
    RECTIFIED = "rectified", _("Data corrected")
    RESTRICTED = "restricted", _("Processing restricted")
    LIFTED = "lifted", _("Restriction lifted")
    OBJECTION = "objection", _("Objection carried out")
    WITHDRAWN = "withdrawn", _("Consent withdrawn")
    REFUSED = "refused", _("Request refused")
    EXTENDED = "extended", _("Deadline extended")


#: The outcomes an officer may choose for each kind of request; refusal fits every kind.
OUTCOMES_BY_KIND: dict[str, tuple[str, ...]] = {
    RequestKind.ACCESS: (ReplyOutcome.ACCESS,),
    RequestKind.PORTABILITY: (ReplyOutcome.PORTABILITY,),
    RequestKind.ERASURE: (ReplyOutcome.ERASED,),
    RequestKind.RECTIFICATION: (ReplyOutcome.RECTIFIED,),
    RequestKind.RESTRICTION: (ReplyOutcome.RESTRICTED, ReplyOutcome.LIFTED),
    RequestKind.OBJECTION: (ReplyOutcome.OBJECTION,),
    RequestKind.WITHDRAWAL: (ReplyOutcome.WITHDRAWN,),
}


class RequestReply(models.Model):
    """A message sent to the requester, with what was done and the officer's own words."""

    request = models.ForeignKey(
        DataSubjectRequest,
        on_delete=models.CASCADE,
        related_name="replies",
        verbose_name=_("request"),
    )
    outcome = models.CharField(_("outcome"), max_length=32, choices=ReplyOutcome.choices)
    note = models.TextField(_("officer's text"), blank=True)
    subject = models.CharField(_("subject"), max_length=255)
    text = models.TextField(_("message sent"))
    language = models.CharField(_("language"), max_length=16)
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sent by"),
    )
    delivered = models.BooleanField(_("delivered to the mail server"), default=False)

    class Meta:
        verbose_name = _("reply to a request")
        verbose_name_plural = _("replies to requests")
        ordering = ["sent_at"]
        default_permissions = ()

    class PersonalData:
        # Kept, and erased, with its request: it has no retention of its own.
        subject = "request__email"

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} #{self.pk}"


class RecipientNotice(models.Model):
    """A recipient of the requester's data, to be told of an erasure or rectification
    (GDPR art. 19), and whether and when it was told. Listed when the data is erased (it is
    gone afterwards) or when an officer records the notification; kept with the request."""

    request = models.ForeignKey(
        DataSubjectRequest,
        on_delete=models.CASCADE,
        related_name="recipient_notices",
        verbose_name=_("request"),
    )
    recipient = models.TextField(_("recipient"))
    reason = models.TextField(_("why it had the data"), blank=True)
    listed_at = models.DateTimeField(_("listed at"), default=timezone.now)
    notified_at = models.DateTimeField(_("told at"), null=True, blank=True)
    notified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("told by"),
    )

    class Meta:
        verbose_name = _("recipient told")
        verbose_name_plural = _("recipients told")
        ordering = ["listed_at", "pk"]
        default_permissions = ()

    class PersonalData:
        # Kept, and erased, with its request: it has no retention of its own.
        subject = "request__email"

    def __str__(self) -> str:
        return self.recipient[:80]

"""The mail outbox: one row per e-mail the site sends, from the event to its delivery.

The row is written in the same transaction as whatever the mail is about, so a mail is never
lost between the two; the task that delivers it carries only the row's id, so the task queue
holds no address and no text. The row's id is the mail's idempotency key: a worker sends it
only after claiming the row, and once it is marked sent no retry sends it again.

While a mail waits, its row holds what the worker needs to render it: the recipient and the
context, with the rows it names stored as references and read again when it is rendered.
Once it is sent, or given up, what it held about the person is cleared: what is left says
that a mail left, and when, and retention deletes it after ``PRIVACY_MAIL_KEEP_DAYS``.
"""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MailStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to be sent")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Not delivered")
    DROPPED = "dropped", _("Not sent: what it was about is gone")


class OutgoingMail(models.Model):
    """An e-mail on its way; its primary key is its idempotency key and its Message-ID."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    template = models.CharField(_("template"), max_length=200)
    language = models.CharField(_("language"), max_length=16)
    staff = models.BooleanField(_("notice to staff"), default=False)
    # The person the mail is about and goes to; staff notices keep their addresses in
    # ``recipients`` only, since they are not the subject of the mail.
    subject_email = models.EmailField(_("recipient"), blank=True, db_index=True)
    recipients = models.JSONField(_("recipients"), default=list, blank=True)
    context = models.JSONField(_("context"), default=dict, blank=True)
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=MailStatus.choices, default=MailStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    next_attempt_at = models.DateTimeField(_("next attempt at"), default=timezone.now)
    # A worker that claimed the mail owns it until then; past it, the worker is presumed dead
    # and the mail may be claimed again.
    claimed_until = models.DateTimeField(_("claimed until"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    # The error's class and SMTP code only: a server's message may quote the address.
    last_error = models.CharField(_("last error"), max_length=200, blank=True)
    retain_until = models.DateTimeField(_("kept until"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created_at"]
        default_permissions = ("view",)
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    class PersonalData:
        subject = "subject_email"
        expired = "retain_until"
        export_exclude = ("context", "attachments")

    def __str__(self) -> str:
        return f"{self.template} ({self.get_status_display()})"

    @property
    def is_waiting(self) -> bool:
        """Not tried yet, so :func:`privacy.services.mail.mail_cancel` still stops it."""
        return self.status == MailStatus.QUEUED and not self.attempts

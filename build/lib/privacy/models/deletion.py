"""The records retention and erasure leave behind: counts, never personal data."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DeletionReason(models.TextChoices):
    RETENTION = "retention", _("Retention period ended")
    ERASURE = "erasure", _("Erasure request")
    # Consent proofs are not deleted when the data goes: their address is hashed instead.
    PSEUDONYMISATION = "pseudonymisation", _("Address replaced by a keyed hash")


class DeletionLog(models.Model):
    """What was removed, when and why: counts only, never personal data."""

    ran_at = models.DateTimeField(_("ran at"), default=timezone.now, db_index=True)
    run_id = models.UUIDField(_("run"), db_index=True)
    model = models.CharField(_("model"), max_length=128)
    purpose_key = models.CharField(_("purpose key"), max_length=64, blank=True)
    # Rows deleted, or for a pseudonymisation the proofs whose address was hashed.
    count = models.PositiveIntegerField(_("rows"))
    files = models.PositiveIntegerField(_("files deleted"), default=0)
    errors = models.PositiveIntegerField(_("rows kept after an error"), default=0)
    reason = models.CharField(_("reason"), max_length=32, choices=DeletionReason.choices)
    dry_run = models.BooleanField(_("dry run"), default=False)

    class Meta:
        verbose_name = _("deletion log entry")
        verbose_name_plural = _("deletion log entries")
        ordering = ["-ran_at", "-pk"]
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"{self.ran_at:%Y-%m-%d %H:%M} {self.model} {self.count}"


class RetentionFailure(models.Model):
    """A row that should be gone but whose file could not be deleted.

    Kept outside the registered models so they need no extra field; the next run retries
    the row and removes this mark when it succeeds.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_pk = models.CharField(max_length=64)
    error = models.TextField(_("error"))
    attempts = models.PositiveIntegerField(_("attempts"), default=1)
    first_failed_at = models.DateTimeField(_("first failed at"), default=timezone.now)
    last_failed_at = models.DateTimeField(_("last failed at"), default=timezone.now)

    class Meta:
        verbose_name = _("retention failure")
        verbose_name_plural = _("retention failures")
        ordering = ["-last_failed_at"]
        default_permissions = ("view",)
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_pk"], name="privacy_failure_unique_row"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.content_type.app_labeled_name} #{self.object_pk}"

"""Newsletter sign-ups waiting for their double opt-in."""

from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PendingSignup(models.Model):
    """A sign-up whose address has not been confirmed yet: no consent until it is.

    One row per address, so repeating the sign-up replaces the topics instead of piling up
    rows. Only a hash of the link's token is stored: a copy of the database cannot confirm
    anyone's subscription. Retention removes the row when the link expires.
    """

    email = models.EmailField(_("e-mail"), unique=True)
    topics = models.JSONField(_("topics"), default=list)
    locale = models.CharField(_("locale"), max_length=16)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    sent_at = models.DateTimeField(_("confirmation sent at"), default=timezone.now)
    token_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField(_("expires at"), db_index=True)

    class Meta:
        verbose_name = _("pending sign-up")
        verbose_name_plural = _("pending sign-ups")
        default_permissions = ()

    class PersonalData:
        subject = "email"
        expired = "expires_at"
        export_exclude = ("token_hash",)

    def __str__(self) -> str:
        return f"{_('pending sign-up')} #{self.pk}"

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    def resend_allowed(self, *, cooldown: timedelta) -> bool:
        return self.sent_at + cooldown <= timezone.now()

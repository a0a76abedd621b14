"""What links in e-mails point at, so that the links themselves carry nothing personal."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EmailLink(models.Model):
    """A link sent to one address, found by its random token's hash.

    The address stays in this row, never in the link: logs, browser history and consent
    proofs that keep the link's address keep an opaque token only. Only the hash is stored,
    so a copy of the database opens nobody's page. Retention removes the row when the link
    expires.
    """

    kind = models.SlugField(_("kind"), max_length=32)
    email = models.EmailField(_("e-mail"), db_index=True)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"), db_index=True)

    class Meta:
        verbose_name = _("link sent by e-mail")
        verbose_name_plural = _("links sent by e-mail")
        default_permissions = ()

    class PersonalData:
        subject = "email"
        expired = "expires_at"
        export_exclude = ("token_hash",)

    def __str__(self) -> str:
        return f"{_('link sent by e-mail')} #{self.pk}"


class SpentLink(models.Model):
    """A one-use link that was used: its token's hash and until when it would have worked.

    Lets the page say "this link was used" rather than "not valid" when it is opened again;
    it names nobody. Rows past their link's lifetime are dropped as new ones are written.
    """

    token_hash = models.CharField(max_length=64, unique=True)
    spent_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        default_permissions = ()

    def __str__(self) -> str:
        return f"spent link #{self.pk}"

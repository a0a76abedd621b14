"""The consent ledger: what each subject decided about each purpose, in which words."""

from datetime import timedelta

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import conf
from .purposes import Purpose


class ConsentSource(models.TextChoices):
    FORM = "form", _("Form")
    BANNER = "banner", _("Cookie banner")
    PREFERENCE_CENTRE = "preference_centre", _("Preference centre")
    API = "api", _("API")
    ADMIN = "admin", _("Admin")


class ConsentDecision(models.TextChoices):
    """What the subject did about a purpose on a form, a banner or a preference page.

    Given and refused answer a consent box; informed records that a notice for a purpose
    with another legal basis (contract, legal obligation, legitimate interest) was shown
    where the data was collected (GDPR art. 13): nobody was asked, so nothing was granted.
    """

    GIVEN = "given", _("Given")
    REFUSED = "refused", _("Refused")
    INFORMED = "informed", _("Informed")


def _consent_proof_expired(queryset, now):
    """Consent records whose proof is no longer needed.

    A record naming a person by address is never deleted by retention: once the subject's
    other data is gone, :func:`privacy.services.consents_pseudonymise` replaces the address
    with a keyed hash and notes when. A proof then lasts ``PRIVACY_CONSENT_PROOF_YEARS``
    (default 5, the usual limitation period for claims) from that moment, so it can be
    matched if the person writes in again and names nobody otherwise. A record without an
    address (a pseudonymous cookie choice, a form sent without one) lasts that long from when
    it was recorded.
    """
    cutoff = now - timedelta(days=365 * conf.consent_proof_years())
    return queryset.filter(
        Q(subject_email="", subject_hash="", recorded_at__lte=cutoff)
        | Q(subject_email="", pseudonymised_at__lte=cutoff)
    )


class ConsentRecord(models.Model):
    """One decision of one subject about one purpose: the proof GDPR art. 7(1) asks for.

    Records are never edited except to note withdrawal; the purpose's key, revision and the
    exact text shown are copied so the proof survives later edits of the purpose.
    """

    subject_email = models.EmailField(_("e-mail"), blank=True, db_index=True)
    # Once the subject's other data is gone the address is replaced by its HMAC (see
    # privacy.hashing): the proof still matches that person, and names nobody otherwise.
    subject_hash = models.CharField(_("hashed e-mail"), max_length=64, blank=True, db_index=True)
    pseudonymised_at = models.DateTimeField(_("address hashed at"), null=True, blank=True)
    anonymous_id = models.CharField(_("pseudonymous id"), max_length=64, blank=True, db_index=True)
    purpose = models.ForeignKey(
        Purpose, on_delete=models.PROTECT, related_name="consents", verbose_name=_("purpose")
    )
    purpose_key = models.SlugField(_("purpose key"), max_length=64, db_index=True)
    # PROTECT: the revision is part of the proof. Wagtail's purge_revisions skips revisions
    # it cannot delete, so purging old revisions leaves those consents were given on.
    purpose_revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("purpose revision"),
    )
    text_shown = models.TextField(_("text shown"))
    locale = models.CharField(_("locale"), max_length=16)
    decision = models.CharField(
        _("decision"), max_length=16, choices=ConsentDecision.choices, db_index=True
    )
    # Kept beside ``decision`` for readers that ask "may we?": true for a given consent only.
    granted = models.BooleanField(_("granted"))
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now, db_index=True)
    source = models.CharField(_("source"), max_length=32, choices=ConsentSource.choices)
    source_ref = models.CharField(_("source reference"), max_length=255, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    # The ledger is written on every form submission and nobody navigates from a purpose to
    # its consents through "usage": indexing each record's references cost a savepoint, a
    # select and an insert per consent for nothing.
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["-recorded_at", "-pk"]
        # The ledger is append-only: nobody gets add/change/delete rights through the admin.
        default_permissions = ("view",)
        constraints = [
            models.CheckConstraint(
                condition=~Q(subject_email="") | ~Q(anonymous_id="") | ~Q(subject_hash=""),
                name="privacy_consent_has_subject",
            ),
            models.CheckConstraint(
                condition=Q(granted=True, decision="given")
                | (Q(granted=False) & ~Q(decision="given")),
                name="privacy_consent_granted_means_given",
            ),
        ]

    class PersonalData:
        subject = "subject_email"
        purpose = "purpose_key"
        expired = staticmethod(_consent_proof_expired)

    def __str__(self) -> str:
        subject = self.subject_email or self.anonymous_id or _("(hashed address)")
        return f"{subject}: {self.get_decision_display()} {self.purpose_key}"

    def save(self, *args, **kwargs):
        # One source of truth for "may we": ``granted`` follows the decision.
        if not self.decision:
            self.decision = ConsentDecision.GIVEN if self.granted else ConsentDecision.REFUSED
        self.granted = self.decision == ConsentDecision.GIVEN
        super().save(*args, **kwargs)

    @property
    def is_active(self) -> bool:
        return self.granted and self.withdrawn_at is None

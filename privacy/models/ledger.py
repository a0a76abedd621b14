"""The consent ledger: what each subject decided about each purpose, in which words."""

from datetime import timedelta

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import conf
from .purposes import Purpose, RetentionStart


class ConsentSource(models.TextChoices):
    FORM = "form", _("Form")
    BANNER = "banner", _("Cookie banner")
    PREFERENCE_CENTRE = "preference_centre", _("Preference centre")
    API = "api", _("API")
    ADMIN = "admin", _("Admin")


def _consent_proof_expired(queryset, now):
    """Consent records whose proof is no longer needed.

    Proof must outlive the processing it justifies, plus ``PRIVACY_CONSENT_PROOF_YEARS``
    (default 5, the usual limitation period for claims). A record expires:

    - withdrawn grant: at ``withdrawn_at`` + years;
    - refusal (the proof that nothing was processed): at ``recorded_at`` + years;
    - anonymous cookie choice (the banner asks again long before): at ``recorded_at`` + years;
    - grant, not withdrawn, for a purpose whose retention counts from withdrawal (ongoing
      consent such as a newsletter): never; the consent is the processing, so it lasts
      until withdrawn;
    - grant for any other purpose (the data given with it, e.g. a contact request, follows
      that purpose's retention): at ``recorded_at`` + the purpose's retention + years.

    In every case a record is kept while another registered model still holds data about
    the same e-mail address (a retention counted from a later moment, such as a decision,
    keeps the proof through that data). An erasure request removes the subject's records
    at once, leaving only a count.
    """
    from ..registry import registered_models

    cutoff = now - timedelta(days=365 * conf.get("CONSENT_PROOF_YEARS", 5))
    stopped_counting = (
        Q(withdrawn_at__lte=cutoff)
        | Q(granted=False, recorded_at__lte=cutoff)
        | Q(subject_email="", recorded_at__lte=cutoff)
    )
    # Purposes are few; one condition per retention length keeps the query portable
    # (no interval arithmetic) and lets recorded_at's index do the work.
    purposes_by_days: dict[int, list[int]] = {}
    for pk, days in Purpose.objects.exclude(retention_from=RetentionStart.WITHDRAWAL).values_list(
        "pk", "retention_days"
    ):
        purposes_by_days.setdefault(days, []).append(pk)
    for days, purpose_ids in purposes_by_days.items():
        stopped_counting |= Q(
            granted=True,
            withdrawn_at__isnull=True,
            purpose_id__in=purpose_ids,
            recorded_at__lte=cutoff - timedelta(days=days),
        )
    expired = queryset.filter(stopped_counting)
    for registration in registered_models():
        if registration.model is queryset.model:
            continue
        holds_data = registration.model._default_manager.filter(
            **{registration.subject: OuterRef("subject_email")}
        )
        expired = expired.filter(Q(subject_email="") | ~Exists(holds_data))
    return expired


class ConsentRecord(models.Model):
    """One decision of one subject about one purpose: the proof GDPR art. 7(1) asks for.

    Records are never edited except to note withdrawal; the purpose's key, revision and the
    exact text shown are copied so the proof survives later edits of the purpose.
    """

    subject_email = models.EmailField(_("e-mail"), blank=True, db_index=True)
    anonymous_id = models.CharField(_("anonymous id"), max_length=64, blank=True, db_index=True)
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
        verbose_name_plural = _("consent ledger")
        ordering = ["-recorded_at", "-pk"]
        # The ledger is append-only: nobody gets add/change/delete rights through the admin.
        default_permissions = ("view",)
        constraints = [
            models.CheckConstraint(
                condition=~Q(subject_email="") | ~Q(anonymous_id=""),
                name="privacy_consent_has_subject",
            ),
        ]

    class PersonalData:
        subject = "subject_email"
        purpose = "purpose_key"
        expired = staticmethod(_consent_proof_expired)

    def __str__(self) -> str:
        verb = _("granted") if self.granted else _("refused")
        return f"{self.subject_email or self.anonymous_id} {verb} {self.purpose_key}"

    @property
    def is_active(self) -> bool:
        return self.granted and self.withdrawn_at is None

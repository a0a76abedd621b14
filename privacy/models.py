"""Purposes, the consent ledger and the records retention leaves behind.

Everything else in the project that holds personal data points at a :class:`Purpose`; the
ledger proves what each subject agreed to, in which words; :class:`DeletionLog` proves that
data was removed on time without keeping any of it.
"""

from datetime import datetime, timedelta

from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import RevisionMixin, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from . import conf
from .signals import purpose_retention_changed


class LegalBasis(models.TextChoices):
    """The GDPR art. 6(1) grounds this organisation relies on."""

    CONSENT = "consent", _("Consent")
    CONTRACT = "contract", _("Contract or steps before a contract")
    LEGAL_OBLIGATION = "legal_obligation", _("Legal obligation")
    LEGITIMATE_INTEREST = "legitimate_interest", _("Legitimate interest")


class RetentionStart(models.TextChoices):
    """The moment a purpose's retention period counts from."""

    SUBMISSION = "submission", _("Submission")
    DECISION = "decision", _("Decision")
    LAST_CONTACT = "last_contact", _("Last contact")
    WITHDRAWAL = "withdrawal", _("Withdrawal of consent")


class ConsentSource(models.TextChoices):
    FORM = "form", _("Form")
    BANNER = "banner", _("Cookie banner")
    PREFERENCE_CENTRE = "preference_centre", _("Preference centre")
    API = "api", _("API")
    ADMIN = "admin", _("Admin")


class Purpose(TranslatableMixin, RevisionMixin, index.Indexed, models.Model):
    """Why personal data is processed, in the words shown to the subject.

    A snippet with revisions so every consent can point at the exact text it was given on,
    and translatable (wagtail-localize) so each locale has its own wording while ``key`` and
    the legal terms stay synchronised across translations.
    """

    key = models.SlugField(
        _("key"),
        max_length=64,
        help_text=_("Stable identifier used by code; the same in every translation."),
    )
    name = models.CharField(_("name"), max_length=255)
    consent_text = models.TextField(
        _("consent text"), help_text=_("The words shown beside the consent checkbox.")
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("How the privacy policy explains it.")
    )
    legal_basis = models.CharField(
        _("legal basis"), max_length=32, choices=LegalBasis.choices, default=LegalBasis.CONSENT
    )
    data_categories = models.TextField(_("categories of data"), blank=True)
    recipients = models.TextField(_("recipients and processors"), blank=True)
    retention_days = models.PositiveIntegerField(
        _("retention (days)"),
        help_text=_("How long data is kept, counted from the moment below. 0 means at once."),
    )
    retention_from = models.CharField(
        _("retention counts from"),
        max_length=32,
        choices=RetentionStart.choices,
        default=RetentionStart.SUBMISSION,
    )

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="purpose")

    panels = [
        MultiFieldPanel(
            [FieldPanel("key"), FieldPanel("name"), FieldPanel("consent_text")],
            heading=_("Purpose"),
        ),
        FieldPanel("description"),
        FieldPanel("legal_basis"),
        FieldPanel("data_categories"),
        FieldPanel("recipients"),
        FieldRowPanel(
            [FieldPanel("retention_days"), FieldPanel("retention_from")], heading=_("Retention")
        ),
    ]

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("consent_text"),
        TranslatableField("description"),
        TranslatableField("data_categories"),
        TranslatableField("recipients"),
        SynchronizedField("key"),
        SynchronizedField("legal_basis"),
        SynchronizedField("retention_days"),
        SynchronizedField("retention_from"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("key"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("purpose")
        verbose_name_plural = _("purposes")
        ordering = ["key"]
        constraints = [
            models.UniqueConstraint(fields=["key", "locale"], name="privacy_purpose_key_locale"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        """Save, and tell apps that stored a ``retain_until`` when the retention changed.

        Compared with the database rather than with values loaded earlier, so a change made
        through any path (admin, wagtail-localize syncing a translation, code) is noticed.
        """
        previous = None
        if self.pk is not None:
            previous = (
                type(self)
                ._default_manager.filter(pk=self.pk)
                .values_list("retention_days", "retention_from")
                .first()
            )
        super().save(*args, **kwargs)
        if previous is not None and previous != (self.retention_days, self.retention_from):
            transaction.on_commit(
                lambda: purpose_retention_changed.send(sender=Purpose, purpose=self, key=self.key),
                using=kwargs.get("using") or self._state.db,
            )

    @property
    def revisions(self):
        return self._revisions

    @property
    def retention_delta(self) -> timedelta:
        return timedelta(days=self.retention_days)

    def retain_until(self, start: datetime) -> datetime:
        """When data whose retention started at ``start`` must be gone."""
        return start + self.retention_delta


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
    from .registry import registered_models

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


class DeletionReason(models.TextChoices):
    RETENTION = "retention", _("Retention period ended")
    ERASURE = "erasure", _("Erasure request")


class DeletionLog(models.Model):
    """What was removed, when and why: counts only, never personal data."""

    ran_at = models.DateTimeField(_("ran at"), default=timezone.now, db_index=True)
    run_id = models.UUIDField(_("run"), db_index=True)
    model = models.CharField(_("model"), max_length=128)
    purpose_key = models.CharField(_("purpose key"), max_length=64, blank=True)
    count = models.PositiveIntegerField(_("rows deleted"))
    files = models.PositiveIntegerField(_("files deleted"), default=0)
    errors = models.PositiveIntegerField(_("rows kept after an error"), default=0)
    reason = models.CharField(_("reason"), max_length=32, choices=DeletionReason.choices)
    dry_run = models.BooleanField(_("dry run"), default=False)

    class Meta:
        verbose_name = _("deletion log entry")
        verbose_name_plural = _("deletion log")
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

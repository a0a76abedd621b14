"""Purposes: why personal data is processed, on what basis and for how long."""

from datetime import datetime

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import RevisionMixin, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..periods import Period, PeriodUnit
from ..signals import purpose_retention_changed
from ..vocabulary import retention_start_choices


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
    # A choice that lapses and is asked again (the cookie banner's).
    CHOICE = "choice", _("The choice, asked again after the period")
    # Proofs: kept after the data they prove is gone, with the address hashed.
    DATA_DELETED = "data_deleted", _("Deletion of the data it proves")
    # Apps add the end of what their rows serve (``Retention(ended=...)``), in their own
    # words: see :mod:`privacy.vocabulary`.


# The fields only the record of processing shows (GDPR art. 30(1)), in its order.
RECORD_FIELDS = (
    "data_subjects",
    "processors",
    "transfers",
    "transfer_safeguards",
    "security_measures",
    "interest_assessment",
    "controller_roles",
)


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
        _("consent text"),
        help_text=_(
            "The words forms show: beside the checkbox when the legal basis is consent, "
            "otherwise at the top of the notice that states why the data is collected."
        ),
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("How the privacy policy explains it.")
    )
    legal_basis = models.CharField(
        _("legal basis"), max_length=32, choices=LegalBasis.choices, default=LegalBasis.CONSENT
    )
    legitimate_interest = models.TextField(
        _("legitimate interest pursued"),
        blank=True,
        help_text=_(
            "For a purpose based on legitimate interest: the interest, as notices state it "
            "beside the right to object (GDPR art. 13(1)(d), 21(4))."
        ),
    )
    data_categories = models.TextField(_("categories of data"), blank=True)
    recipients = models.TextField(_("recipients and processors"), blank=True)
    # The record of processing (GDPR art. 30(1)): what the authority reads, beside what
    # visitors read. Officers export it from the admin (privacy.record).
    data_subjects = models.TextField(
        _("categories of data subjects"),
        blank=True,
        help_text=_("Whose data it is: visitors, applicants, members, speakers, staff…"),
    )
    processors = models.TextField(
        _("processors"),
        blank=True,
        help_text=_(
            "Each processor by name, what it does for this purpose, and the agreement that "
            "binds it (GDPR art. 28). The recipients above say the same to visitors, as "
            "categories."
        ),
    )
    transfers = models.TextField(
        _("transfers outside the EEA"),
        blank=True,
        help_text=_("The third countries or international organisations the data goes to."),
    )
    transfer_safeguards = models.TextField(
        _("safeguards for the transfers"),
        blank=True,
        help_text=_("E.g. an adequacy decision, standard contractual clauses (GDPR art. 46)."),
    )
    security_measures = models.TextField(
        _("security measures"),
        blank=True,
        help_text=_("The technical and organisational measures (GDPR art. 32)."),
    )
    interest_assessment = models.TextField(
        _("legitimate-interest assessment"),
        blank=True,
        help_text=_(
            "For a purpose based on legitimate interest: the balancing test kept with it "
            "(the interest, why the processing is necessary, and why it does not override "
            "the person's interests and rights)."
        ),
    )
    controller_roles = models.TextField(
        _("which controller does what"),
        blank=True,
        help_text=_("With several controllers: what each of them does for this purpose."),
    )
    retention_period = models.PositiveIntegerField(
        _("retention"),
        help_text=_(
            "How long data is kept, in the unit beside it, counted from the moment below. "
            "0 means at once."
        ),
    )
    retention_unit = models.CharField(
        _("unit"), max_length=8, choices=PeriodUnit.choices, default=PeriodUnit.DAYS
    )
    retention_from = models.CharField(
        _("retention counts from"),
        max_length=32,
        choices=retention_start_choices,
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
        FieldPanel("legitimate_interest"),
        FieldPanel("data_categories"),
        FieldPanel("recipients"),
        FieldRowPanel(
            [
                FieldPanel("retention_period"),
                FieldPanel("retention_unit"),
                FieldPanel("retention_from"),
            ],
            heading=_("Retention"),
        ),
        MultiFieldPanel(
            [FieldPanel(name) for name in RECORD_FIELDS],
            heading=_("Record of processing"),
            classname="collapsed",
        ),
    ]

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("consent_text"),
        TranslatableField("description"),
        TranslatableField("legitimate_interest"),
        TranslatableField("data_categories"),
        TranslatableField("recipients"),
        *(TranslatableField(name) for name in RECORD_FIELDS),
        SynchronizedField("key"),
        SynchronizedField("legal_basis"),
        SynchronizedField("retention_period"),
        SynchronizedField("retention_unit"),
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
        permissions = [("export_record", _("Can export the record of processing"))]
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
                .values_list("retention_period", "retention_unit", "retention_from")
                .first()
            )
        super().save(*args, **kwargs)
        current = (self.retention_period, self.retention_unit, self.retention_from)
        if previous is not None and previous != current:
            transaction.on_commit(
                lambda: purpose_retention_changed.send(sender=Purpose, purpose=self, key=self.key),
                using=kwargs.get("using") or self._state.db,
            )

    @property
    def revisions(self):
        return self._revisions

    @property
    def retention(self) -> Period:
        return Period(self.retention_period, self.retention_unit)

    def retain_until(self, start: datetime) -> datetime:
        """When data whose retention started at ``start`` must be gone."""
        return self.retention.after(start)


class OutcomeRetention(models.Model):
    """A purpose's retention after a particular outcome (rejected, hired), from the decision.

    Rows that declare ``Retention(outcome=...)`` and carry this outcome once decided are kept
    ``retention_period`` from their decision instead of the purpose's own period. Keyed by the
    purpose's key, shared by its translations; privacy officers edit it beside the purposes.
    """

    purpose_key = models.SlugField(
        _("purpose key"), max_length=64, help_text=_("The key of the purpose it applies to.")
    )
    outcome = models.SlugField(
        _("outcome"), max_length=32, help_text=_("The stored value of the decision, e.g. rejected.")
    )
    retention_period = models.PositiveIntegerField(
        _("retention"), help_text=_("How long data is kept after this decision.")
    )
    retention_unit = models.CharField(
        _("unit"), max_length=8, choices=PeriodUnit.choices, default=PeriodUnit.DAYS
    )

    panels = [
        FieldPanel("purpose_key"),
        FieldPanel("outcome"),
        FieldRowPanel([FieldPanel("retention_period"), FieldPanel("retention_unit")]),
    ]

    class Meta:
        verbose_name = _("retention after a decision")
        verbose_name_plural = _("retention after decisions")
        ordering = ["purpose_key", "outcome"]
        constraints = [
            models.UniqueConstraint(
                fields=["purpose_key", "outcome"], name="privacy_outcomeretention_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.purpose_key}: {self.outcome} ({self.retention})"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Rows already decided with this outcome get their date recomputed, as for a purpose.
        key = self.purpose_key
        transaction.on_commit(
            lambda: purpose_retention_changed.send(sender=OutcomeRetention, purpose=None, key=key),
            using=kwargs.get("using") or self._state.db,
        )

    def delete(self, *args, **kwargs):
        key = self.purpose_key
        result = super().delete(*args, **kwargs)
        transaction.on_commit(
            lambda: purpose_retention_changed.send(sender=OutcomeRetention, purpose=None, key=key)
        )
        return result

    @property
    def retention(self) -> Period:
        return Period(self.retention_period, self.retention_unit)

"""The editor-built form page and its fields."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.forms.forms import _split_by_newline_or_comma
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.utils import get_field_clean_name
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import RichTextField
from wagtail.models import Locale, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from ..admin_forms import FormPageAdminForm
from ..builder import FormBuilder
from ..constants import FieldType, key_validator
from .fields import FileKindsField

MB = 1024 * 1024
CHOICE_TYPES = frozenset({FieldType.DROPDOWN, FieldType.RADIO, FieldType.CHECKBOXES})

logger = logging.getLogger(__name__)


def _default_language() -> str:
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def _option(name: str) -> dict[str, str]:
    return {"data-form-field-option": name}


def _split_choices(text: str) -> list[str]:
    return [choice for choice in _split_by_newline_or_comma(text or "") if choice]


class FormField(TranslatableMixin, AbstractFormField):
    """One question of a form.

    ``key`` names the answer everywhere (form input, stored answers, exports, API). It is
    set once (from the label when left empty, in the language the form was written in) and
    synchronised to every translation, so the nl, fr and en pages produce one set of keys.
    """

    page = ParentalKey("forms.FormPage", on_delete=models.CASCADE, related_name="form_fields")
    field_type = models.CharField(
        verbose_name=_("field type"), max_length=16, choices=FieldType.choices
    )
    field_type.required_on_save = True
    key = models.CharField(
        _("key"),
        max_length=64,
        blank=True,
        validators=[key_validator],
        help_text=_(
            "Names the answer in exports and the API. Filled in from the label when left "
            "empty; cannot change once set."
        ),
    )
    is_subject_email = models.BooleanField(
        _("the person's e-mail address"),
        default=False,
        help_text=_("How the submission is found for access and erasure requests."),
    )
    purpose = models.ForeignKey(
        "privacy.Purpose",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="form_fields",
        verbose_name=_("purpose"),
        help_text=_("Purpose consent only: the purpose whose consent text is shown."),
    )
    file_kinds = FileKindsField(_("accepted file kinds"))
    max_file_size_mb = models.PositiveSmallIntegerField(
        _("maximum file size (MB)"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )

    panels = [
        FieldPanel("label"),
        FieldPanel("key"),
        FieldPanel("help_text"),
        FieldPanel("required"),
        FieldPanel("field_type", classname="formbuilder-type", required_on_save=True),
        # data-form-field-option: the editor's script shows each option for its types only.
        FieldPanel("choices", classname="formbuilder-choices", attrs=_option("choices")),
        FieldPanel("default_value", classname="formbuilder-default", attrs=_option("default")),
        FieldPanel("is_subject_email", attrs=_option("subject")),
        FieldPanel("purpose", attrs=_option("purpose")),
        FieldRowPanel(
            [FieldPanel("file_kinds"), FieldPanel("max_file_size_mb")], attrs=_option("file")
        ),
    ]

    # The public definition of the question, as Wagtail's API v2 shows it inside its page:
    # nothing about where answers go or who reads them.
    api_fields = [
        APIField("key"),
        APIField("field_type"),
        APIField("label"),
        APIField("help_text"),
        APIField("choices", serializer=serializers.JSONField(source="api_choices")),
        APIField("required"),
    ]

    # Structure is shared by all translations; only the words are translated.
    override_translatable_fields = [
        SynchronizedField("key", overridable=False),
        SynchronizedField("clean_name", overridable=False),
        SynchronizedField("purpose", overridable=False),
        SynchronizedField("file_kinds", overridable=False),
    ]

    class Meta(AbstractFormField.Meta):
        verbose_name = _("form field")
        verbose_name_plural = _("form fields")
        unique_together = [("translation_key", "locale")]

    def __str__(self) -> str:
        return self.label

    def get_field_clean_name(self) -> str:
        if self.key:
            return self.key
        name = get_field_clean_name(self.label)[:64]
        return name if name[:1].isalpha() else f"field_{name}"[:64]

    @property
    def form_key(self) -> str:
        return self.clean_name or self.get_field_clean_name()

    def save(self, *args, **kwargs):
        if not self.key:
            self.key = self.get_field_clean_name()
        self.clean_name = self.key
        super().save(*args, **kwargs)

    @property
    def allowed_kinds(self) -> tuple[str, ...]:
        return tuple(kind for kind in (self.file_kinds or "").split(",") if kind)

    @property
    def max_file_size_bytes(self) -> int:
        return self.max_file_size_mb * MB

    _source_choices: str | None = None

    @property
    def source_choices(self) -> str:
        """The choices of this field in the source language (the default locale's page).

        Attached by :meth:`FormPage.attach_source_choices` for a whole form at once; looked
        up here when a single field is read on its own.
        """
        if self._source_choices is None:
            self._source_choices = self.choices
            if self.translation_key and self.locale.language_code != _default_language():
                source = (
                    FormField.objects.filter(
                        translation_key=self.translation_key,
                        locale__language_code=_default_language(),
                    )
                    .values_list("choices", flat=True)
                    .first()
                )
                if source is not None:
                    self._source_choices = source
        return self._source_choices

    def choice_pairs(self) -> list[tuple[str, str]]:
        """``(value, label)`` per choice: the value in the source language, the label in ours.

        Stored answers, exports and API clients see one vocabulary whichever translation
        was filled in. A translation whose number of choices differs from the source's
        cannot be matched by position, so the source's choices are offered instead.
        """
        labels = _split_choices(self.choices)
        if self.source_choices == self.choices:
            return [(label, label) for label in labels]
        values = _split_choices(self.source_choices)
        if len(values) != len(labels):
            logger.warning(
                "Form field %s (%s) has %d choices, its source %d; offering the source's.",
                self.pk,
                self.form_key,
                len(labels),
                len(values),
            )
            return [(value, value) for value in values]
        return list(zip(values, labels, strict=True))

    @property
    def api_choices(self) -> list[dict[str, str]]:
        return [{"value": value, "label": label} for value, label in self.choice_pairs()]

    def localized_purpose(self, locale: Locale | None):
        """The purpose in ``locale`` when translated there, else as chosen."""
        if self.purpose is None or locale is None:
            return self.purpose
        if self.purpose.locale_id == locale.pk:
            return self.purpose
        return self.purpose.get_translation_or_none(locale) or self.purpose


class FormPage(AbstractEmailForm):
    """A form editors build in the admin; its submissions go to an :class:`Inbox`.

    Built on Wagtail's ``AbstractEmailForm`` and its override points: ``get_form_class``
    (stable keys, page locale, captcha), ``process_form_submission`` (stores through
    :func:`forms.services.submission_create`: files, consents, retention, notification) and
    ``render_landing_page``. Answers never go into Wagtail's own ``FormSubmission`` table and
    the notification quotes none: only the inbox's group reads them.
    """

    intro = RichTextField(_("introduction"), blank=True)
    thank_you_text = RichTextField(_("thank-you text"), blank=True)
    inbox = models.ForeignKey(
        "forms.Inbox",
        on_delete=models.PROTECT,
        null=True,
        related_name="form_pages",
        verbose_name=_("inbox"),
        help_text=_("Where submissions go; its group alone can read them."),
    )

    form_builder = FormBuilder
    base_form_class = FormPageAdminForm
    template = "forms/form_page.html"
    landing_page_template = "forms/form_page_landing.html"
    subpage_types: list[str] = []

    content_panels = AbstractEmailForm.content_panels + [
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel([FieldPanel("inbox")], heading=_("Submissions")),
    ]

    # The form as a headless front end shows it; the inbox and its addresses stay private.
    api_fields = [
        APIField("intro"),
        APIField("thank_you_text"),
        APIField("form_fields"),
    ]

    class Meta:
        verbose_name = _("form page")
        verbose_name_plural = _("form pages")

    def get_form_fields(self):
        # Each field's locale is the page's (fields are translated with it): loading it here
        # lets ``get_form_class`` give the page its locale without a query of its own.
        return self.form_fields.select_related("purpose", "locale").all()

    def get_form_class(self):
        fields = list(self.get_form_fields())
        self._adopt_locale_from(fields)
        self.attach_source_choices(fields)
        return self.form_builder(fields, locale=self.locale).get_form_class()

    def attach_source_choices(self, fields) -> None:
        """Give each choice field the source language's choices, in one query for the form."""
        pending = {
            field.translation_key: field
            for field in fields
            if field.field_type in CHOICE_TYPES and field._source_choices is None
        }
        if not pending:
            return
        if self.locale.language_code == _default_language():
            for field in pending.values():
                field._source_choices = field.choices
            return
        sources = dict(
            FormField.objects.filter(
                translation_key__in=pending, locale__language_code=_default_language()
            ).values_list("translation_key", "choices")
        )
        for key, field in pending.items():
            field._source_choices = sources.get(key, field.choices)

    def _adopt_locale_from(self, fields) -> None:
        """Take the page's locale from a field that loaded the very same row, if one did."""
        if FormPage.locale.is_cached(self):
            return
        for field in fields:
            if field.locale_id == self.locale_id and FormField.locale.is_cached(field):
                self.locale = field.locale
                return

    def get_data_fields(self):
        return [("submit_time", _("Submission date"))] + [
            (field.form_key, field.label)
            for field in self.get_form_fields()
            if field.field_type != FieldType.PURPOSE
        ]

    def get_source_page(self) -> FormPage:
        """The page every translation's submissions are filed under.

        The translation in the default locale when there is one, else the oldest: stable
        whichever translation the visitor used. A page in the default locale is its own
        source, which spares most submissions the lookup.
        """
        default_code = _default_language()
        if self.locale.language_code == default_code:
            return self
        translations = list(
            FormPage.objects.filter(translation_key=self.translation_key)
            .select_related("locale")
            .order_by("pk")
        )
        for candidate in translations:
            if candidate.locale.language_code == default_code:
                return candidate
        return translations[0] if translations else self

    def process_form_submission(self, form):
        from .. import services

        try:
            return services.submission_create(
                page=self, form=form, locale=self.locale.language_code
            )
        except services.SubmissionNotStored:
            form.add_error(
                None,
                _("Your submission could not be stored. Nothing was kept; please try again later."),
            )
            # The page instance lives for this request only; render_landing_page reads it.
            self._unstored_form = form
            return None

    def render_landing_page(self, request, form_submission=None, *args, **kwargs):
        form = getattr(self, "_unstored_form", None)
        if form is not None:
            context = self.get_context(request)
            context["form"] = form
            return TemplateResponse(request, self.get_template(request), context, status=503)
        return super().render_landing_page(request, form_submission, *args, **kwargs)

    def send_mail(self, form):
        """Never e-mail answers: the inbox's notification says only that one arrived."""

    def get_submissions(self):
        from .submissions import FormSubmission

        return FormSubmission.objects.filter(page=self.get_source_page())

    def serve_submissions_list_view(self, request, *args, **kwargs):
        # Wagtail's "Forms" listing is for page editors; these answers are for the inbox.
        raise PermissionDenied

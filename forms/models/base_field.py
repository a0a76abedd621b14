"""The abstract form field every form page's field model extends.

A concrete field model pairs it with its page through a ``ParentalKey`` named ``page`` with
``related_name="form_fields"``, as :mod:`wagtail.contrib.forms` does::

    class VacancyFormField(AbstractFormField):
        page = ParentalKey("careers.VacancyPage", on_delete=models.CASCADE,
                           related_name="form_fields")

        class Meta(AbstractFormField.Meta):
            unique_together = [("translation_key", "locale")]
"""

from __future__ import annotations

import logging

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.contrib.forms.forms import _split_by_newline_or_comma
from wagtail.contrib.forms.models import AbstractFormField as WagtailAbstractFormField
from wagtail.contrib.forms.utils import get_field_clean_name
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from ..cache import cached
from ..constants import FieldType, default_language, key_validator
from .fields import FileKindsField

MB = 1024 * 1024
CHOICE_TYPES = frozenset({FieldType.DROPDOWN, FieldType.RADIO, FieldType.CHECKBOXES})

logger = logging.getLogger(__name__)


def _split_choices(text: str) -> list[str]:
    return [choice for choice in _split_by_newline_or_comma(text or "") if choice]


def _option(name: str) -> dict[str, str]:
    return {"data-form-field-option": name}


class AbstractFormField(TranslatableMixin, WagtailAbstractFormField):
    """One question of a form: Wagtail's field types plus ``phone``, ``file`` and ``purpose``.

    ``key`` names the answer everywhere (form input, stored answers, exports, API). It is
    set once (from the label when left empty, in the language the form was written in) and
    synchronised to every translation, so the nl, fr and en pages produce one set of keys.
    """

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
        related_name="+",
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

    class Meta(WagtailAbstractFormField.Meta):
        abstract = True
        unique_together = [("translation_key", "locale")]
        verbose_name = _("form field")
        verbose_name_plural = _("form fields")

    def __str__(self) -> str:
        return self.label

    # The form key of the consent box this question belongs to (a page type's own question
    # only): the form shows it once the box is ticked, and its answer is kept only then.
    requires_consent: str = ""
    # A shorter bound than the site's for a page type's own single-line question (a
    # function shown beside a name on a list).
    answer_max_length: int | None = None

    @classmethod
    def fixed(
        cls,
        page,
        key: str,
        field_type: str,
        label="",
        *,
        required=False,
        requires_consent: str = "",
        max_length: int | None = None,
        **options,
    ) -> AbstractFormField:
        """An unsaved question the page type asks itself (see
        :meth:`AbstractFormPage.fixed_form_fields`), in the page's language; optional
        unless ``required``. With ``requires_consent`` (the form key of a consent box), the
        question is shown once that box is ticked, and its answer is kept only then.
        ``max_length`` bounds a single-line answer below the site's bound."""
        field = cls(
            key=key,
            clean_name=key,
            field_type=field_type,
            label=label,
            required=required,
            page_id=page.pk,
            locale_id=page.locale_id,
            **options,
        )
        field._source_choices = ""
        field.requires_consent = requires_consent
        field.answer_max_length = max_length
        return field

    @classmethod
    def fixed_purpose(cls, page, key: str, purpose_key: str) -> AbstractFormField | None:
        """The page type's own statement of a purpose, None while the site has no such
        purpose; the builder shows it in the page's language, as a box or a notice."""
        from privacy.models import Purpose

        def load():
            return Purpose.objects.filter(key=purpose_key).order_by("pk").first()

        purpose = cached(f"purpose:{purpose_key}", load)
        if purpose is None:
            return None
        return cls.fixed(page, key, FieldType.PURPOSE, purpose.name, purpose=purpose)

    @classmethod
    def fixed_list(cls, page, specs, *, purposes=()) -> list[AbstractFormField]:
        """The page type's own questions from ``specs``, ``(key, field type, label,
        options)`` for :meth:`fixed`, in order; then a statement per ``(key, purpose key)``
        of ``purposes`` the site has (:meth:`fixed_purpose`)."""
        fields = [
            cls.fixed(page, key, kind, label, **options) for key, kind, label, options in specs
        ]
        stated = (cls.fixed_purpose(page, key, purpose_key) for key, purpose_key in purposes)
        return fields + [field for field in stated if field is not None]

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
            if self.translation_key and self.locale.language_code != default_language():
                source = (
                    type(self)
                    ._default_manager.filter(
                        translation_key=self.translation_key,
                        locale__language_code=default_language(),
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

"""The site's own form page and its fields: the base classes, made concrete."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey

from .base_field import AbstractFormField
from .base_page import AbstractFormPage


class FormField(AbstractFormField):
    """One question of a :class:`FormPage`."""

    page = ParentalKey("forms.FormPage", on_delete=models.CASCADE, related_name="form_fields")

    class Meta(AbstractFormField.Meta):
        verbose_name = _("form field")
        verbose_name_plural = _("form fields")


class FormPage(AbstractFormPage):
    """A general-purpose form (contact, membership): questions, consents and an inbox."""

    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("form page")
        verbose_name_plural = _("form pages")

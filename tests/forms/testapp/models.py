"""An event registration page: a subclass of the form base with fields of its own."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel

from forms.models import AbstractFormField, AbstractFormPage


class EventPage(AbstractFormPage):
    venue = models.CharField(max_length=100)

    content_panels = AbstractFormPage.content_panels + [FieldPanel("venue")]


class EventFormField(AbstractFormField):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="form_fields")

    class Meta(AbstractFormField.Meta):
        pass

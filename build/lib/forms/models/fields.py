"""Model fields the form builder needs beyond Django's own."""

from django import forms as django_forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..files import ALL_KINDS, FileKind


class KindsFormField(django_forms.MultipleChoiceField):
    """Tick boxes for file kinds, reading the comma-separated value the model stores."""

    widget = django_forms.CheckboxSelectMultiple

    def prepare_value(self, value):
        if isinstance(value, str):
            return [kind for kind in value.split(",") if kind]
        return value

    def has_changed(self, initial, data):
        return super().has_changed(self.prepare_value(initial), data)


class FileKindsField(models.CharField):
    """The file kinds a file field accepts, stored as ``"pdf,docx"``.

    A plain string keeps the value portable (SQLite, PostgreSQL, revisions, wagtail-localize
    synchronisation) while editors get one tick box per kind.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 64)
        kwargs.setdefault("default", ",".join(ALL_KINDS))
        super().__init__(*args, **kwargs)

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        unknown = [kind for kind in (value or "").split(",") if kind and kind not in ALL_KINDS]
        if unknown:
            raise ValidationError(_("Unknown file kind: %(kinds)s"), params={"kinds": unknown})

    def save_form_data(self, instance, data):
        if isinstance(data, list | tuple):
            data = ",".join(kind for kind in ALL_KINDS if kind in data)
        setattr(instance, self.attname, data)

    def formfield(self, **kwargs):
        return KindsFormField(
            choices=FileKind.choices,
            required=False,
            label=self.verbose_name,
            help_text=self.help_text,
        )

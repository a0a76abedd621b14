"""The application page's editing form: editors cannot take away the CV or the statement of
why the data is collected (a new page starts with both, ``default_form_fields``)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from forms.admin_forms import FormPageAdminForm
from forms.models import FieldType

from .constants import APPLICATION_PURPOSE, KEY_CV


class ApplicationPageAdminForm(FormPageAdminForm):
    """Refuses a form without a required CV or the ``job-application`` purpose; everything
    else editors may change."""

    def form_problems(self, fields) -> list[str]:
        problems = []
        if not any(
            (field.key or field.get_field_clean_name()) == KEY_CV
            and field.field_type == FieldType.FILE
            and field.required
            for field in fields
        ):
            problems.append(
                _("An application form needs its CV: a required file field with key “cv”.")
            )
        if APPLICATION_PURPOSE not in {getattr(f.purpose, "key", None) for f in fields}:
            problems.append(
                _(
                    "An application form states why it collects data: keep the purpose "
                    "field for processing the application."
                )
            )
        return problems

    def clean(self):
        cleaned_data = super().clean()
        posted, closing = cleaned_data.get("date_posted"), cleaned_data.get("closing_date")
        if posted and closing and closing < posted:
            self.add_error(
                "closing_date", _("The closing date cannot come before the posting date.")
            )
        return cleaned_data

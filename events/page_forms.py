"""The event page editor: the form base's rules, judged with the registration's own fields."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from forms.admin_forms import FormPageAdminForm

from .constants import FIXED_KEYS

KEY_TAKEN = _("The registration form asks this itself; choose another key or label.")


class EventPageAdminForm(FormPageAdminForm):
    """The registration form's fixed questions and purposes count as asked (the subject's
    e-mail, the ``event-registration`` notice), and an extra question may not take their keys.
    """

    def page_fields(self, cleaned_data) -> list:
        from .registration_form import registration_fields

        page = self.instance
        # What the visitor will see depends on the values being saved.
        for name in ("kind", "participant_list_public"):
            if name in cleaned_data:
                setattr(page, name, cleaned_data[name])
        before, after = registration_fields(page=page)
        return [*before, *after]

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("form_fields")
        for form in formset.forms if formset is not None else ():
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            instance = form.instance
            key = instance.key or instance.get_field_clean_name()
            if key in FIXED_KEYS:
                form.add_error("key" if instance.key else "label", KEY_TAKEN)
        return cleaned_data

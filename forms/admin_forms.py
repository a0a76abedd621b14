"""The FormPage editing form: rules a form's field list must satisfy before it is saved; and
the inbox's, which takes the same purposes."""

from __future__ import annotations

import copy

from django import forms as django_forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.contrib.forms.forms import WagtailAdminFormPageForm

from privacy.models import LegalBasis

from . import conf
from .constants import RESERVED_KEYS, FieldType

MB = 1024 * 1024


def _largest_file_mb(body_limit: int) -> int | None:
    """The largest whole number of megabytes a file may have and still fit in a request body
    of ``body_limit`` bytes (the other answers and the multipart framing need room too)."""
    if not body_limit:
        return None
    return (body_limit - 1) // MB


def field_problems(fields, *, inbox_purpose=None) -> list[tuple[object, str, str]]:
    """What is wrong with a list of form fields, as ``(field, attribute, message)``.

    ``field`` is None for a problem of the form as a whole. Shared by the admin form and
    by code that builds forms (the demo), so both obey the same rules. ``inbox_purpose``
    is the purpose the form's inbox keeps submissions under, when known.
    """
    problems = purpose_problems(fields, inbox_purpose=inbox_purpose)
    subjects = [f for f in fields if f.is_subject_email]
    largest_file_mb = _largest_file_mb(conf.request_max_body_size())
    for field in fields:
        key = field.key or field.get_field_clean_name()
        if key in RESERVED_KEYS:
            problems.append((field, "key", _("'%(key)s' is reserved.") % {"key": key}))
        if field.is_subject_email and field.field_type != FieldType.EMAIL:
            problems.append(
                (field, "is_subject_email", _("Only an e-mail field can hold the address."))
            )
        if field.field_type == FieldType.PURPOSE and field.purpose_id is None:
            problems.append((field, "purpose", _("Choose the purpose this consent is for.")))
        if field.field_type == FieldType.FILE and not field.allowed_kinds:
            problems.append((field, "file_kinds", _("Accept at least one file kind.")))
        if (
            field.field_type == FieldType.FILE
            and largest_file_mb is not None
            and (field.max_file_size_mb or 0) > largest_file_mb
        ):
            problems.append(
                (
                    field,
                    "max_file_size_mb",
                    _(
                        "The site accepts no request over %(limit)s MB, so a file can be at "
                        "most %(max)s MB."
                    )
                    % {"limit": _megabytes(conf.request_max_body_size()), "max": largest_file_mb},
                )
            )
    purposes = [f.purpose_id for f in fields if f.field_type == FieldType.PURPOSE]
    if len(purposes) != len(set(purposes)):
        problems.append((None, "", _("Each purpose can be asked only once per form.")))
    # Any visible question may draw personal data (a name, a phone number): without the
    # subject's address such a submission could not be found for access or erasure.
    if any(f.field_type != FieldType.HIDDEN for f in fields) and len(subjects) != 1:
        problems.append(
            (
                None,
                "",
                _(
                    "Mark exactly one e-mail field as the person's e-mail address: it is how "
                    "a submission is found for access and erasure requests."
                ),
            )
        )
    return problems


def purpose_problems(fields, *, inbox_purpose=None) -> list[tuple[object, str, str]]:
    """The form states its inbox's purpose when that purpose is not based on consent.

    A purpose field shows a consent box when the purpose's legal basis is consent and a
    notice otherwise: editors add one field type for both. The purpose the inbox keeps
    submissions under is why the form collects data at all, so visitors must be told.
    """
    problems = []
    if inbox_purpose is not None and inbox_purpose.legal_basis != LegalBasis.CONSENT:
        stated = {
            getattr(f.purpose, "translation_key", None)
            for f in fields
            if f.field_type == FieldType.PURPOSE and f.purpose_id is not None
        }
        if inbox_purpose.translation_key not in stated:
            problems.append(
                (
                    None,
                    "",
                    _(
                        "Add a purpose field for “%(purpose)s”: it is why this form collects "
                        "data (its inbox keeps submissions for it), and the form shows it as a "
                        "notice."
                    )
                    % {"purpose": inbox_purpose.name},
                )
            )
    return problems


def _megabytes(size: int) -> str:
    value = size / MB
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}"


# The stored choice is still called "purpose consent"; editors pick any purpose with it and
# the legal basis decides box or notice, so the editor says so (without a schema change).
PURPOSE_TYPE_LABEL = gettext_lazy("Purpose: consent box or notice")
PURPOSE_HELP = gettext_lazy(
    "The purpose this field states: a consent box when its legal basis is consent, "
    "otherwise a notice above the submit button."
)


# Said where the inbox is chosen, since choosing it decides the purpose the form states.
INBOX_HELP = gettext_lazy(
    "Where submissions go; its group alone can read them. The form states the inbox's "
    "purpose: when it has no purpose field for it, one is added on saving."
)

KEY_TAKEN = gettext_lazy("The form asks this itself; choose another key or label.")
NOT_FOR_FORMS = gettext_lazy(
    "Choose a purpose a form may state; the site states this one by itself."
)


def _purposes_for_forms(field) -> None:
    """Offer ``field`` the purposes a form or an inbox may state, and say so when another is
    sent: never one the site states by itself (its logs, proofs, form protection, the cookie
    banner's; :func:`privacy.selectors.purposes_for_forms`)."""
    from privacy.selectors import purposes_for_forms

    field.queryset = purposes_for_forms()
    field.error_messages = {**field.error_messages, "invalid_choice": NOT_FOR_FORMS}


class FormPageAdminForm(WagtailAdminFormPageForm):
    """Adds the app's rules to Wagtail's (duplicate names) and keeps keys fixed once saved."""

    def __init__(self, *args, **kwargs):
        instance = kwargs.get("instance")
        bound = bool(args) or kwargs.get("data") is not None
        if instance is not None and instance.pk is None and not bound:
            # A new page starts with its type's questions (before the formsets read them).
            defaults = type(instance).default_form_fields()
            if defaults and not list(instance.form_fields.all()):
                instance.form_fields = defaults
        super().__init__(*args, **kwargs)
        formset = self.formsets.get("form_fields")
        # On the field forms' class, so the inline panel's empty form (a new one each time
        # it is read) gets the label too; the label is lazy, so per request language.
        fields = formset.form.base_fields if formset is not None else {}
        if "field_type" in fields:
            fields["field_type"].choices = [
                (value, PURPOSE_TYPE_LABEL if value == FieldType.PURPOSE else label)
                for value, label in fields["field_type"].choices
            ]
        if "purpose" in fields:
            fields["purpose"].help_text = PURPOSE_HELP
            _purposes_for_forms(fields["purpose"])
        if "inbox" in self.fields:
            self.fields["inbox"].help_text = INBOX_HELP
        if self.instance.pk is None and "inbox" in self.fields and not self.initial.get("inbox"):
            inbox = type(self.instance).default_inbox()
            if inbox is not None:
                self.initial["inbox"] = inbox.pk
        if "required" in fields:
            # A new question is optional until the editor makes it required: a form should
            # ask for no more than its purposes need (Wagtail's default is required).
            fields["required"].initial = False

    def page_fields(self, cleaned_data) -> list:
        """The questions the page type asks itself (``fixed_form_fields``) as the page being
        saved will ask them, so the rules judge the form as visitors see it (the subject's
        address, the inbox's purpose stated, each purpose once)."""
        page = copy.copy(self.instance)
        names = {field.name for field in page._meta.concrete_fields}
        for name in names.intersection(cleaned_data):
            setattr(page, name, cleaned_data[name])
        before, after = page.fixed_form_fields()
        return [*before, *after]

    def form_problems(self, fields) -> list[str]:
        """What the page type itself requires of the fields being saved (nothing here), as
        messages about the form as a whole: a subclass names the questions it cannot do
        without (careers' CV)."""
        return []

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("form_fields")
        if formset is None:
            return cleaned_data
        live = []
        for form in formset.forms:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            instance = form.instance
            if instance.field_type == FieldType.PURPOSE:
                # A box the visitor must tick is not freely given consent (GDPR art. 7(4))
                # and a notice asks nothing: a purpose is never required, whatever is ticked.
                instance.required = False
            if instance.pk and "key" in form.changed_data:
                form.add_error("key", _("The key cannot change once the field is saved."))
            if (instance.key or instance.get_field_clean_name()) in self.instance.fixed_form_keys:
                form.add_error("key" if instance.key else "label", KEY_TAKEN)
            live.append((form, instance))
        by_instance = {id(instance): form for form, instance in live}
        fields = [instance for _f, instance in live] + self.page_fields(cleaned_data)
        inbox = cleaned_data.get("inbox")
        # The inbox's purpose, when the form does not state it yet, is added on save (see
        # ``save``) rather than refused: choosing the inbox is choosing why the form
        # collects data, and the editor should not have to say so twice.
        self.purpose_to_add = None
        if inbox is not None and purpose_problems(fields, inbox_purpose=inbox.purpose):
            self.purpose_to_add = inbox.purpose
        # The page type's own rules see the form as it will be saved, purpose added.
        added = (
            [self.purpose_field(self.instance, self.purpose_to_add)] if self.purpose_to_add else []
        )
        problems = field_problems(fields) + [
            (None, "", message) for message in self.form_problems([i for _f, i in live] + added)
        ]
        for field, attribute, message in problems:
            form = by_instance.get(id(field)) if field is not None else None
            if form is not None and attribute in form.fields:
                form.add_error(attribute, message)
            else:
                self.add_error(None, django_forms.ValidationError(message))
        return cleaned_data

    def save(self, commit=True):
        page = super().save(commit=commit)
        purpose = getattr(self, "purpose_to_add", None)
        if purpose is not None:
            page.form_fields.add(self.purpose_field(page, purpose))
            if commit:
                page.form_fields.commit()
        return page

    def purpose_field(self, page, purpose):
        """The unsaved purpose field that states ``purpose`` on ``page``, after the editor's
        fields: in the page's language, with a key no other question of the form takes."""
        from privacy.selectors import purpose_get

        locale = page.locale if page.locale_id else None
        stated = purpose_get(key=purpose.key, locale=locale) or purpose
        taken = {f.form_key for f in page.form_fields.all()} | set(page.fixed_form_keys)
        base = f"consent_{purpose.key.replace('-', '_')}"[:60]
        key, number = base, 1
        while key in taken:
            number += 1
            key = f"{base}_{number}"
        orders = [f.sort_order or 0 for f in page.form_fields.all()]
        field_model = type(page).form_fields.rel.related_model
        return field_model(
            label=stated.name,
            key=key,
            field_type=FieldType.PURPOSE,
            purpose=stated,
            required=False,
            locale_id=page.locale_id,
            sort_order=max(orders, default=-1) + 1,
        )


class InboxAdminForm(WagtailAdminModelForm):
    """Managing an inbox: it keeps its submissions under a purpose a form may state, as the
    page editor's purpose fields do."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "purpose" in self.fields:
            _purposes_for_forms(self.fields["purpose"])

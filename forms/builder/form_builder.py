"""Turning an editor's field list into a Django form, one ``create_<type>_field`` per type.

Extends Wagtail's :class:`~wagtail.contrib.forms.forms.FormBuilder`: the stock types keep
their behaviour (single and multi line get an upper length bound), and three are added:
``phone``, ``file`` (kind decided by content, size bound per field) and ``purpose``: a
:class:`privacy.models.Purpose` in the page's locale, shown as its legal basis asks (an
unticked, optional consent checkbox for consent, a collection notice for any other basis).
Form keys are the fields' stable ``key``, never the translated label.
"""

from __future__ import annotations

from functools import partial

from django import forms as django_forms
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import FormBuilder as WagtailFormBuilder

from privacy import conf as privacy_conf
from privacy.models import Purpose
from privacy.register import retention_in_words
from privacy.selectors import consent_withdrawal_text, privacy_policy_url, purpose_is_consent

from .. import conf
from ..captcha import captcha_field, honeypot_field
from ..constants import HONEYPOT_FIELD_NAME, FieldType
from ..files import kinds_label
from .fields import (
    PrivateFileField,
    PurposeConsentField,
    PurposeNoticeField,
    WithdrawalHelp,
    phone_validator,
)
from .form import CAPTCHA_FIELD_NAME, SubmissionForm

CHOOSE = _("Choose…")


class FormBuilder(WagtailFormBuilder):
    """Wagtail's builder, keyed by the fields' stable keys and aware of the page's locale."""

    def __init__(self, fields, *, locale=None):
        super().__init__(fields)
        self.locale = locale

    @cached_property
    def purposes_in_locale(self) -> dict:
        """The translations, in the builder's locale, of purposes chosen in another one.

        One query for all purpose fields instead of one per field; a purpose not translated
        yet keeps its own words (see ``create_purpose_field``).
        """
        if self.locale is None:
            return {}
        keys = {
            field.purpose.translation_key
            for field in self.fields
            if field.field_type == FieldType.PURPOSE
            and field.purpose is not None
            and field.purpose.locale_id != self.locale.pk
        }
        if not keys:
            return {}
        translations = Purpose.objects.filter(translation_key__in=keys, locale=self.locale)
        return {purpose.translation_key: purpose for purpose in translations}

    def get_formatted_field_choices(self, field):
        # Values in the source language, labels in the page's: see FormField.choice_pairs.
        return field.choice_pairs()

    def get_formatted_field_initial(self, field):
        return self._values_for(field, super().get_formatted_field_initial(field))

    def create_dropdown_field(self, field, options):
        """A drop-down starts on "Choose…", not on its first option, unless the editor set a
        default: nobody sends the first option without having chosen it."""
        options["initial"] = self._value_for(field, options.get("initial"))
        options["choices"] = self.get_formatted_field_choices(field)
        if not options["initial"]:
            options["choices"] = [("", CHOOSE), *options["choices"]]
        return django_forms.ChoiceField(**options)

    def create_radio_field(self, field, options):
        options["initial"] = self._value_for(field, options.get("initial"))
        return super().create_radio_field(field, options)

    @staticmethod
    def _values_for(field, labels):
        """The editor writes a default as a label of the page's language; the form needs the
        matching value."""
        by_label = {label: value for value, label in field.choice_pairs()}
        return [by_label.get(label, label) for label in labels]

    def _value_for(self, field, label):
        if not label:
            return label
        return self._values_for(field, [label])[0]

    def create_singleline_field(self, field, options):
        options["max_length"] = min(
            conf.singleline_max_length(), field.answer_max_length or conf.singleline_max_length()
        )
        return django_forms.CharField(**options)

    def create_multiline_field(self, field, options):
        options["max_length"] = conf.multiline_max_length()
        options.setdefault("widget", django_forms.Textarea)
        if field.requires_consent:
            # Its own consent box states what it may carry (an explicit consent, art. 9(2)(a)).
            return django_forms.CharField(**options)
        # A free-text answer can carry what no purpose here needs (GDPR art. 9): say so.
        with translation.override(self._language):
            warning = gettext("Please do not include health or other sensitive details.")
        options["help_text"] = f"{options.get('help_text') or ''} {warning}".strip()
        return django_forms.CharField(**options)

    def create_email_field(self, field, options):
        options["max_length"] = 254
        formfield = django_forms.EmailField(**options)
        # Carried on the form so storing a submission finds the subject's address without
        # loading the field list again.
        formfield.is_subject_email = field.is_subject_email
        return formfield

    def create_phone_field(self, field, options):
        options["max_length"] = 32
        options["validators"] = [phone_validator]
        options.setdefault("widget", django_forms.TextInput(attrs={"type": "tel"}))
        return django_forms.CharField(**options)

    def create_date_field(self, field, options):
        options.setdefault("widget", django_forms.DateInput(attrs={"type": "date"}))
        return django_forms.DateField(**options)

    def create_hidden_field(self, field, options):
        options["max_length"] = conf.singleline_max_length()
        return super().create_hidden_field(field, options)

    def create_file_field(self, field, options):
        options.pop("initial", None)
        kinds = field.allowed_kinds
        max_size = field.max_file_size_bytes
        if not options["help_text"]:
            options["help_text"] = _("%(kinds)s, at most %(size)s MB.") % {
                "kinds": kinds_label(kinds),
                "size": field.max_file_size_mb,
            }
        return PrivateFileField(
            kinds=kinds, max_size=max_size, form_id=field.page_id, key=field.form_key, **options
        )

    def create_purpose_field(self, field, options):
        purpose = field.purpose
        if purpose is not None and self.locale is not None and purpose.locale_id != self.locale.pk:
            purpose = self.purposes_in_locale.get(purpose.translation_key, purpose)
        if purpose is not None and not purpose_is_consent(purpose):
            options.pop("initial", None)
            options["label"] = purpose.name
            return PurposeNoticeField(purpose=purpose, locale=self.locale, **options)
        options["initial"] = False
        if purpose is not None:
            options["label"] = purpose.consent_text
            lead = options.get("help_text") or ""
            if purpose.key in privacy_conf.newsletter_topics() and not lead:
                # E-mail consents go through the double opt-in (email_consents_defer).
                lead = _("We first send you an e-mail to confirm this.")
            # Worked out when shown: a submission (HTML or API) renders no help text.
            options["help_text"] = WithdrawalHelp(
                partial(self.withdrawal_help, lead=lead, purpose=purpose)
            )
        return PurposeConsentField(purpose=purpose, **options)

    @property
    def _language(self) -> str:
        return self.locale.language_code if self.locale is not None else get_language()

    def withdrawal_help(self, lead="", purpose=None):
        """How long, how to withdraw, who is responsible, and the policy: under every consent
        box, after the box's own help (``lead``). The period is the register's own words
        (:func:`privacy.register.retention_in_words`), so a box's text need not repeat it."""
        code = self._language
        policy = privacy_policy_url(code)
        with translation.override(code):
            kept = ""
            if purpose is not None:
                kept = gettext("Kept: %(period)s") % {"period": retention_in_words(purpose)}
            text = f"{lead} {kept} {consent_withdrawal_text(code)}".strip().replace("  ", " ")
            label = gettext("Privacy policy")
        if not policy:
            return text
        return format_html('{} <a href="{}">{}</a>', text, policy, label)

    @property
    def formfields(self):
        formfields = {}
        for field in self.fields:
            options = self.get_field_options(field)
            create_field = self.get_create_field_function(field.field_type)
            formfield = create_field(field, options)
            if field.requires_consent:
                # forms/js/consent-fields.js shows it once the box is ticked; without
                # scripts it stays visible, and the answer is dropped unless the box is ticked.
                formfield.requires_consent = field.requires_consent
                formfield.widget.attrs["data-requires-consent"] = field.requires_consent
            formfields[field.form_key] = formfield
        formfields[HONEYPOT_FIELD_NAME] = honeypot_field()
        captcha = captcha_field()
        if captcha is not None:
            formfields[CAPTCHA_FIELD_NAME] = captcha
        return formfields

    def get_form_class(self):
        return type(
            "FormPageForm", (SubmissionForm,), {**self.formfields, "notice_locale": self.locale}
        )

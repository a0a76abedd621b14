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
from django.core.validators import RegexValidator
from django.utils import translation
from django.utils.functional import Promise, cached_property
from django.utils.html import conditional_escape, format_html
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm
from wagtail.contrib.forms.forms import FormBuilder as WagtailFormBuilder

from privacy import conf as privacy_conf
from privacy.models import ConsentDecision, ConsentSource, Purpose
from privacy.register import retention_in_words
from privacy.selectors import (
    consent_withdrawal_text,
    privacy_policy_url,
    purpose_get,
    purpose_is_consent,
    purpose_notices,
)

from . import conf
from .cache import cached
from .captcha import HONEYPOT_MESSAGE, RESPONSE_FIELD, captcha_field, honeypot_field
from .constants import FORM_PROTECTION_PURPOSE, HONEYPOT_FIELD_NAME, FieldType
from .files import ALL_KINDS, EXTENSIONS, check_upload, kinds_label

CAPTCHA_FIELD_NAME = "captcha"

phone_validator = RegexValidator(
    r"^\+?[0-9 ()./-]{6,32}$",
    _("Enter a phone number: digits, spaces and + ( ) . / - only."),
)


class PrivateFileField(django_forms.FileField):
    """An upload checked by its content; ``clean`` leaves the findings on the file.

    The findings (kind, size, sha256, cleaned name) travel as ``upload.checked`` so the
    service that stores the file does not read it again to learn them.
    """

    def __init__(self, *, kinds, max_size: int, form_id=None, key: str = "", **kwargs):
        self.kinds = tuple(kinds) or ALL_KINDS
        self.max_size = max_size
        self.form_id, self.key = form_id, key
        kwargs.setdefault(
            "widget",
            django_forms.FileInput(
                attrs={"accept": ",".join(ext for k in self.kinds for ext in EXTENSIONS[k])}
            ),
        )
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload:
            upload.checked = check_upload(
                upload,
                kinds=self.kinds,
                max_size=self.max_size,
                form_id=self.form_id,
                field_key=self.key,
            )
        return upload


class PurposeField:
    """A purpose a form states: its ``decision`` is what the ledger records for it."""

    purpose = None

    def decision(self, value) -> ConsentDecision:
        raise NotImplementedError


class PurposeConsentField(PurposeField, django_forms.BooleanField):
    """A consent tick box bound to a purpose: never ticked in advance, never required.

    Consent that is a condition of the service is not freely given (GDPR art. 7(4)), so
    the editor's "required" is ignored here and refused in the page editor.
    """

    def __init__(self, *, purpose, **kwargs):
        self.purpose = purpose
        kwargs["initial"] = False
        kwargs["required"] = False
        super().__init__(**kwargs)

    def decision(self, value) -> ConsentDecision:
        return ConsentDecision.GIVEN if value else ConsentDecision.REFUSED


class WithdrawalHelp(Promise):
    """The help under a consent box, worked out each time it is shown, never before.

    Django's ``BoundField`` reads ``field.help_text or ""`` for every field it binds, also
    when a submission is only validated; a lazy string answers that truth test by building
    itself (policy address, controller, retention words). This text always says how to
    withdraw, so it is never empty: it answers True unbuilt, and a submission stored without
    showing the form pays nothing for it. Each showing builds it afresh, so an edit of the
    policy or the controller shows at once.
    """

    __slots__ = ("_build",)

    def __init__(self, build):
        self._build = build

    def __bool__(self) -> bool:
        return True

    def __str__(self) -> str:
        return self._build()

    def __html__(self) -> str:
        return conditional_escape(self._build())

    def __repr__(self) -> str:
        return f"<WithdrawalHelp: {self._build()!r}>"

    def __eq__(self, other) -> bool:
        return self._build() == (str(other) if isinstance(other, Promise) else other)

    def __hash__(self) -> int:
        return hash(self._build())

    def __add__(self, other):
        return self._build() + other

    def __radd__(self, other):
        return other + self._build()

    def __mod__(self, other):
        return self._build() % other

    def __deepcopy__(self, memo):
        # Immutable, as Django's lazy strings are.
        return self


class NoticeWidget(django_forms.Widget):
    """Renders nothing where the fields are: the form shows its notices above the button.

    Being a hidden widget keeps the notice out of ``form.visible_fields``; its words come
    from ``form.notices``. Whatever a client sends under its key is ignored.
    """

    input_type = "hidden"
    is_hidden = True

    def render(self, name, value, attrs=None, renderer=None):
        return ""

    def value_from_datadict(self, data, files, name):
        return None

    def value_omitted_from_data(self, data, files, name):
        return False


class PurposeNoticeField(PurposeField, django_forms.Field):
    """A purpose with another legal basis than consent, stated as a notice (GDPR art. 13).

    Nobody is asked anything; the ledger records that the person was informed, with the
    revision of the purpose the notice was made from.
    """

    widget = NoticeWidget

    def __init__(self, *, purpose, locale=None, **kwargs):
        self.purpose = purpose
        self.locale = locale
        kwargs["required"] = False
        super().__init__(**kwargs)

    def decision(self, value) -> ConsentDecision:
        return ConsentDecision.INFORMED


# Sent with the HTML form by Django and the reCAPTCHA widget; not answers to the form.
IGNORED_KEYS = frozenset({"csrfmiddlewaretoken", RESPONSE_FIELD})


class SubmissionForm(BaseForm):
    """Wagtail's form base, refusing names the form does not ask for.

    A consent box sent for a purpose this form does not ask about must be an error the
    visitor sees, never a silent no-op; the API refuses such keys the same way.
    """

    # The page's locale, set by the builder: the notices are stated in its language.
    notice_locale = None
    # Whether the page's submissions have an end a purpose may count from (see
    # ``AbstractFormPage.submission_has_end``): its notices state that start alone.
    notice_has_end: bool | None = None

    @cached_property
    def notices(self):
        """The collection notices this form states, in field order (shown above the button),
        then how the form is protected against abuse (rate limit, honeypot, reCAPTCHA).

        Built when the page renders them, not when a submission is validated.
        """
        purposes = [
            field.purpose
            for field in self.fields.values()
            if isinstance(field, PurposeNoticeField) and field.purpose is not None
        ]
        protection = self.protection_purpose
        if protection is not None:
            purposes.append(protection)
        return purpose_notices(purposes, self.notice_locale, has_end=self.notice_has_end)

    @property
    def asks_after_consent(self) -> bool:
        """Whether a question shows once its consent box is ticked (the page then loads
        ``forms/js/consent-fields.js``)."""
        return any(getattr(f, "requires_consent", "") for f in self.fields.values())

    @cached_property
    def protection_purpose(self) -> Purpose | None:
        """The ``form-protection`` purpose in the form's language, when the site has it.

        Kept with the form definitions (:mod:`forms.cache`), which any edit of a purpose
        retires: the notices and the API's check of the revisions shown both ask for it.
        """
        if HONEYPOT_FIELD_NAME not in self.fields:
            return None
        locale = self.notice_locale
        code = locale.language_code if locale is not None else get_language() or ""
        # In a tuple: the cache takes None for a miss, and a site may have no such purpose.
        (purpose,) = cached(
            f"protection-purpose:{code}",
            lambda: (purpose_get(key=FORM_PROTECTION_PURPOSE, locale=locale),),
        )
        return purpose

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get(HONEYPOT_FIELD_NAME):
            raise django_forms.ValidationError(HONEYPOT_MESSAGE, code="honeypot")
        if self.is_bound:
            unknown = sorted((set(self.data) | set(self.files)) - set(self.fields) - IGNORED_KEYS)
            if unknown:
                raise django_forms.ValidationError(
                    _("This form has no field named %(keys)s."),
                    code="unknown_field",
                    params={"keys": ", ".join(unknown)},
                )
        return cleaned_data


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


def form_on_behalf(page, *args, **kwargs) -> SubmissionForm:
    """``page``'s own form for staff who take a submission down for someone (by phone, at
    the desk): the same questions and checks, without the fields against robots, and
    without consent boxes, which only the person can tick (through their own links later).
    Its notices are recorded as stated by staff (``ConsentSource.ADMIN``)."""
    form = page.get_form(*args, page=page, user=None, **kwargs)
    for name, field in list(form.fields.items()):
        robots = name in (CAPTCHA_FIELD_NAME, HONEYPOT_FIELD_NAME)
        if robots or isinstance(field, PurposeConsentField):
            del form.fields[name]
    # Asked as the page asks them, in its language, whatever the admin's.
    with translation.override(page.locale.language_code):
        for field in form.fields.values():
            field.label, field.help_text = str(field.label or ""), str(field.help_text or "")
    form.consent_source = ConsentSource.ADMIN
    return form

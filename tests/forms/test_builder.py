"""The form builder: one Django field per editor field, keyed by the stable key."""

import pytest
from django import forms as django_forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.fields import SynchronizedField, get_translatable_fields

from forms.admin_forms import field_problems
from forms.builder import PrivateFileField, PurposeConsentField
from forms.builder import form_builder as builder
from forms.constants import FieldType
from forms.models import FormField, FormPage
from privacy.models import LegalBasis
from tests.forms.factories import FormFieldFactory, FormPageFactory
from tests.privacy.factories import PurposeFactory

pytestmark = pytest.mark.django_db

EXPECTED = {
    FieldType.SINGLELINE: django_forms.CharField,
    FieldType.MULTILINE: django_forms.CharField,
    FieldType.EMAIL: django_forms.EmailField,
    FieldType.PHONE: django_forms.CharField,
    FieldType.NUMBER: django_forms.DecimalField,
    FieldType.DATE: django_forms.DateField,
    FieldType.DROPDOWN: django_forms.ChoiceField,
    FieldType.RADIO: django_forms.ChoiceField,
    FieldType.CHECKBOXES: django_forms.MultipleChoiceField,
    FieldType.CHECKBOX: django_forms.BooleanField,
    FieldType.HIDDEN: django_forms.CharField,
    FieldType.FILE: PrivateFileField,
    FieldType.PURPOSE: PurposeConsentField,
}


@pytest.fixture
def every_type_page(home):
    page = FormPageFactory(parent=home)
    purpose = PurposeFactory(key="answer-request")
    for order, field_type in enumerate(EXPECTED):
        FormFieldFactory(
            page=page,
            sort_order=order,
            key=f"f_{field_type}",
            field_type=field_type,
            choices="Een\nTwee" if field_type in {"dropdown", "radio", "checkboxes"} else "",
            purpose=purpose if field_type == FieldType.PURPOSE else None,
            required=False,
        )
    return page


def test_every_field_type_builds_its_django_field_under_its_key(every_type_page):
    form = every_type_page.get_form(page=every_type_page)

    # Then the honeypot every public form carries.
    assert list(form.fields) == [f"f_{field_type}" for field_type in EXPECTED] + ["homepage"]
    for field_type, field_class in EXPECTED.items():
        assert isinstance(form.fields[f"f_{field_type}"], field_class), field_type


def test_text_fields_have_an_upper_bound(every_type_page):
    form = every_type_page.get_form(page=every_type_page)

    assert form.fields["f_singleline"].max_length == 255
    assert form.fields["f_multiline"].max_length == 5000
    assert form.fields["f_hidden"].max_length == 255


def test_phone_accepts_numbers_and_refuses_text(every_type_page):
    good = every_type_page.get_form({"f_phone": "+32 2 123 45 67"}, page=every_type_page)
    bad = every_type_page.get_form({"f_phone": "call me maybe"}, page=every_type_page)

    assert good.is_valid(), good.errors
    assert "f_phone" in bad.errors


def test_purpose_box_shows_the_purpose_text_in_the_pages_locale(home):
    purpose = PurposeFactory(key="newsletter", consent_text="Stuur mij de nieuwsbrief.")
    french = purpose.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.consent_text = "Envoyez-moi la lettre d'information."
    french.save()
    page = FormPageFactory(parent=home, locale=Locale.objects.get(language_code="fr"))
    FormFieldFactory(page=page, key="consent", field_type=FieldType.PURPOSE, purpose=purpose)

    field = page.get_form(page=page).fields["consent"]

    assert field.label == "Envoyez-moi la lettre d'information."
    assert field.purpose == french
    assert field.initial is False


def test_key_is_derived_from_the_label_once_and_then_kept(home):
    field = FormFieldFactory(page=FormPageFactory(parent=home), label="Uw vraag", key="")
    assert (field.key, field.clean_name) == ("uw_vraag", "uw_vraag")

    field.label = "Votre question"
    field.save()

    assert (field.key, field.clean_name) == ("uw_vraag", "uw_vraag")


def test_key_and_structure_are_synchronised_and_words_translated():
    fields = {f.field_name: f for f in get_translatable_fields(FormField)}

    for name in ("key", "clean_name", "purpose", "file_kinds", "field_type", "is_subject_email"):
        assert isinstance(fields[name], SynchronizedField), name
    for name in ("label", "help_text", "choices"):
        assert not isinstance(fields[name], SynchronizedField), name


def test_translation_keeps_every_key(home, contact_page):
    fr = Locale.objects.get(language_code="fr")
    home.copy_for_translation(fr)
    translated = contact_page.copy_for_translation(fr)

    assert list(translated.get_form(page=translated).fields) == list(
        contact_page.get_form(page=contact_page).fields
    )


def test_captcha_field_is_added_when_the_captcha_module_gives_one(contact_page, monkeypatch):
    monkeypatch.setattr(builder, "captcha_field", lambda: django_forms.CharField())

    assert "captcha" in contact_page.get_form(page=contact_page).fields


def test_file_field_checks_content_in_clean():
    field = PrivateFileField(kinds=("pdf",), max_size=100, required=True)

    with pytest.raises(django_forms.ValidationError):
        field.clean(SimpleUploadedFile("a.pdf", b"MZ" + b"\0" * 10))


SUBJECT = "Mark exactly one e-mail field as the person's e-mail address"


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ([{"field_type": "email"}, {"field_type": "file"}], (None, "", SUBJECT)),
        (
            [
                {"field_type": "email", "is_subject_email": True},
                {"field_type": "email", "is_subject_email": True},
            ],
            (None, "", SUBJECT),
        ),
        (
            [{"field_type": "singleline", "is_subject_email": True}],
            (0, "is_subject_email", "Only an e-mail field can hold the address."),
        ),
        (
            [{"field_type": "email", "is_subject_email": True, "key": "captcha"}],
            (0, "key", "'captcha' is reserved."),
        ),
        (
            [{"field_type": "email", "is_subject_email": True}, {"field_type": "purpose"}],
            (1, "purpose", "Choose the purpose this consent is for."),
        ),
        ([{"field_type": "singleline"}, {"field_type": "phone"}], (None, "", SUBJECT)),
        ([{"field_type": "email"}], (None, "", SUBJECT)),
    ],
    ids=[
        "no subject e-mail",
        "two subject e-mails",
        "subject on a text field",
        "reserved key",
        "purpose missing",
        "name and phone, no e-mail",
        "an e-mail field not marked as the subject's",
    ],
)
def test_field_rules_catch_forms_that_cannot_be_stored_properly(fields, expected):
    built = [FormField(label=f"Vraag {i}", **options) for i, options in enumerate(fields)]
    position, attribute, message = expected

    with translation.override("en"):
        problems = [
            (built.index(field) if field is not None else None, name, text)
            for field, name, text in field_problems(built)
        ]

    assert len(problems) == 1, problems
    found_position, found_attribute, found_message = problems[0]
    assert (found_position, found_attribute) == (position, attribute)
    assert found_message.startswith(message)


def test_field_rules_accept_a_sound_form():
    purpose = PurposeFactory()
    built = [
        FormField(label="E-mail", field_type="email", is_subject_email=True),
        FormField(label="Toestemming", field_type="purpose", purpose=purpose),
        FormField(label="Vraag", field_type="multiline"),
    ]

    assert field_problems(built) == []


def test_field_rules_ask_for_the_inboxs_purpose_when_it_is_not_consent():
    interest = PurposeFactory(legal_basis=LegalBasis.LEGITIMATE_INTEREST, name="Antwoorden")
    consent = PurposeFactory(legal_basis=LegalBasis.CONSENT)
    email = FormField(label="E-mail", field_type="email", is_subject_email=True)
    notice = FormField(label="Antwoord", field_type="purpose", purpose=interest)

    [(field, _attribute, message)] = field_problems([email], inbox_purpose=interest)
    assert field is None and "Antwoorden" in message
    assert field_problems([email, notice], inbox_purpose=interest) == []
    assert field_problems([email], inbox_purpose=consent) == []


def test_field_rules_accept_a_form_of_hidden_fields_only():
    assert field_problems([FormField(label="Bron", field_type="hidden")]) == []


@override_settings(REQUEST_MAX_BODY_SIZE=25 * 1024 * 1024)
@pytest.mark.parametrize(("size_mb", "refused"), [(24, False), (25, True), (100, True)])
def test_field_rules_keep_a_files_limit_under_the_request_body_cap(size_mb, refused):
    built = [
        FormField(label="E-mail", field_type="email", is_subject_email=True),
        FormField(label="CV", key="cv", field_type="file", max_file_size_mb=size_mb),
    ]

    problems = [(field.label, attribute) for field, attribute, _m in field_problems(built)]

    assert (("CV", "max_file_size_mb") in problems) is refused


def test_a_draft_builds_its_own_form_and_leaves_the_live_form_alone(contact_page):
    live_fields = list(contact_page.get_form(page=contact_page).fields)
    draft = FormPage.objects.get(pk=contact_page.pk)
    draft.form_fields = [FormField(label="Voornaam", key="first_name", field_type="singleline")]

    draft_form = draft.get_form(page=draft)
    live_again = FormPage.objects.get(pk=contact_page.pk).get_form(page=contact_page)

    assert list(draft_form.fields) == ["first_name", "homepage"]
    assert list(live_again.fields) == live_fields

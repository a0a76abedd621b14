"""An easyform's ``fields_model`` becomes form-builder questions, and what cannot is reported."""

import pytest

from forms.constants import FieldType
from plone_import.easyform import FieldSpec, FormModelError, form_fields_from_model

HEAD = """<?xml version="1.0" encoding="utf-8"?>
<model xmlns="http://namespaces.plone.org/supermodel/schema"
       xmlns:easyform="http://namespaces.plone.org/supermodel/easyform"
       xmlns:form="http://namespaces.plone.org/supermodel/form"
       xmlns:i18n="http://xml.zope.org/namespaces/i18n"
       i18n:domain="collective.easyform">
  <schema>
"""
TAIL = """
  </schema>
</model>
"""


def model(fields: str) -> str:
    return HEAD + fields + TAIL


# easyform's own default form, as a new easyform starts.
DEFAULT_FORM = model(
    """
    <field easyform:TDefault="python:member and member.getProperty('email', '') or ''"
           easyform:serverSide="False" easyform:validators="isValidEmail"
           name="replyto" type="zope.schema.TextLine">
      <description />
      <title i18n:translate="">Your E-Mail Address</title>
    </field>
    <field name="topic" type="zope.schema.TextLine">
      <description />
      <title i18n:translate="">Subject</title>
    </field>
    <field name="comments" type="zope.schema.Text">
      <description>Tell us what you think.</description>
      <title i18n:translate="">Comments</title>
    </field>
"""
)


def by_name(specs: list[FieldSpec]) -> dict[str, FieldSpec]:
    return {spec.name: spec for spec in specs}


def test_default_form_gives_email_line_and_text():
    specs, warnings = form_fields_from_model(DEFAULT_FORM)

    assert [(s.clean_name, s.field_type, s.label) for s in specs] == [
        ("replyto", FieldType.EMAIL, "Your E-Mail Address"),
        ("topic", FieldType.SINGLELINE, "Subject"),
        ("comments", FieldType.MULTILINE, "Comments"),
    ]
    # zope.schema fields are required unless the model says otherwise.
    assert all(spec.required for spec in specs)
    assert specs[2].help_text == "Tell us what you think."
    # The TDefault expression is Plone's code: reported, not copied as a default.
    assert specs[0].default_value == ""
    assert len(warnings) == 1 and "TDefault" in warnings[0] and "Your E-Mail Address" in warnings[0]


def test_every_mapped_type_gets_the_builders_type():
    xml = model(
        """
    <field name="age" type="zope.schema.Int"><title>Age</title><required>False</required></field>
    <field name="amount" type="zope.schema.Float"><title>Amount</title></field>
    <field name="website" type="zope.schema.URI"><title>Website</title></field>
    <field name="agree" type="zope.schema.Bool"><title>I agree</title></field>
    <field name="colour" type="zope.schema.Choice">
      <title>Colour</title>
      <values><element>Red</element><element>Gr&#252;n</element></values>
    </field>
    <field name="size" type="zope.schema.Choice">
      <title>Size</title>
      <form:widget type="z3c.form.browser.radio.RadioFieldWidget" />
      <values><element>S</element><element>M</element></values>
    </field>
    <field name="days" type="zope.schema.Set">
      <title>Days</title>
      <value_type type="zope.schema.Choice">
        <values><element>Mon</element><element>Tue</element></values>
      </value_type>
    </field>
    <field name="day" type="zope.schema.Date"><title>Day</title></field>
    <field name="moment" type="zope.schema.Datetime"><title>Moment</title></field>
    <field name="cv" type="plone.namedfile.field.NamedBlobFile"><title>CV</title></field>
    <field name="scan" type="plone.namedfile.field.NamedFile"><title>Scan</title></field>
    <field name="phone" type="zope.schema.TextLine" easyform:validators="isInternationalPhoneNumber">
      <title>Phone</title>
    </field>
"""
    )

    specs, warnings = form_fields_from_model(xml)

    assert {s.name: s.field_type for s in specs} == {
        "age": FieldType.NUMBER,
        "amount": FieldType.NUMBER,
        "website": FieldType.SINGLELINE,
        "agree": FieldType.CHECKBOX,
        "colour": FieldType.DROPDOWN,
        "size": FieldType.RADIO,
        "days": FieldType.CHECKBOXES,
        "day": FieldType.DATE,
        "moment": FieldType.DATE,
        "cv": FieldType.FILE,
        "scan": FieldType.FILE,
        "phone": FieldType.PHONE,
    }
    fields = by_name(specs)
    assert fields["age"].required is False
    assert fields["colour"].choices == ["Red", "Grün"]
    assert fields["size"].choices == ["S", "M"]
    assert fields["days"].choices == ["Mon", "Tue"]
    # What the builder asks differently from Plone is said: the address and the time.
    assert any("Website" in w and "web address" in w for w in warnings)
    assert any("Moment" in w and "date only" in w for w in warnings)
    assert len(warnings) == 2
    assert all(s.field_type in FieldType.values for s in specs)


def test_defaults_and_choice_tokens():
    xml = model(
        """
    <field name="country" type="zope.schema.Choice">
      <title>Country</title>
      <default>nl</default>
      <values><element key="be">Belgium</element><element key="nl">Netherlands</element></values>
    </field>
    <field name="topics" type="zope.schema.List">
      <title>Topics</title>
      <default><element>tax</element></default>
      <value_type type="zope.schema.Choice">
        <values><element key="tax">Tax</element><element key="trade">Trade</element></values>
      </value_type>
    </field>
    <field name="newsletter" type="zope.schema.Bool"><title>News</title><default>True</default></field>
    <field name="quiet" type="zope.schema.Bool"><title>Quiet</title><default>False</default></field>
    <field name="city" type="zope.schema.TextLine"><title>City</title><default>Brussel</default></field>
"""
    )

    fields = by_name(form_fields_from_model(xml)[0])

    assert fields["country"].choices == ["Belgium", "Netherlands"]
    assert fields["country"].default_value == "Netherlands"
    # Saved rows hold the tokens; the importer reads them back as the choices' labels.
    assert fields["country"].choice_values == {"be": "Belgium", "nl": "Netherlands"}
    assert fields["topics"].default_value == "Tax"
    assert fields["newsletter"].default_value == "on"
    # Wagtail would tick a box whose default is the text "False".
    assert fields["quiet"].default_value == ""
    assert fields["city"].default_value == "Brussel"


def test_labels_captchas_tales_and_unknown_types_are_reported_and_left_out():
    xml = model(
        """
    <field name="intro" type="collective.easyform.fields.Label">
      <title>Please fill in</title><required>False</required>
    </field>
    <field name="notice" type="collective.easyform.fields.RichLabel">
      <title>Notice</title>
      <rich_label>&lt;p&gt;We keep your &lt;b&gt;answers&lt;/b&gt; for a year.&lt;/p&gt;</rich_label>
    </field>
    <field name="verification" type="collective.easyform.fields.ReCaptcha">
      <title>Verification</title><required>False</required>
    </field>
    <field name="hc" type="collective.easyform.fields.HCaptcha"><title>Check</title></field>
    <field name="grade" type="collective.easyform.fields.Likert"><title>Grade</title></field>
    <field name="name" type="zope.schema.TextLine"
           easyform:TEnabled="python:False" easyform:TValidator="python:False">
      <title>Name</title>
    </field>
    <field name="secret" type="zope.schema.TextLine" easyform:serverSide="True"
           easyform:TDefault="request/REMOTE_ADDR">
      <title>IP</title>
    </field>
"""
    )

    specs, warnings = form_fields_from_model(xml)

    assert [s.name for s in specs] == ["name"]
    text = "\n".join(warnings)
    assert "'Please fill in'" in text and "label" in text
    assert "We keep your answers for a year." in text  # the rich label's words, to move
    assert "'Verification'" in text and "captcha" in text
    assert "'Check'" in text
    assert "collective.easyform.fields.Likert" in text
    assert "TEnabled (python:False)" in text and "TValidator (python:False)" in text
    assert "server-side" in text and "request/REMOTE_ADDR" in text
    # One warning per thing left out (the IP field: its expression, and itself).
    assert len(warnings) == 9


def test_fieldsets_are_flattened_in_order_and_reported():
    xml = model(
        """
    <field name="first" type="zope.schema.TextLine"><title>First</title></field>
    <fieldset name="fs1" label="Your company">
      <field name="company" type="zope.schema.TextLine"><title>Company</title></field>
      <field name="upload" type="plone.namedfile.field.NamedFile"><title>Upload</title></field>
    </fieldset>
    <field name="last" type="zope.schema.TextLine"><title>Last</title></field>
"""
    )

    specs, warnings = form_fields_from_model(xml)

    assert [s.name for s in specs] == ["first", "company", "upload", "last"]
    assert specs[1].fieldset == "Your company" and specs[0].fieldset == ""
    assert warnings == [
        "fieldset 'Your company': the form builder has no fieldsets; its fields follow in order"
    ]


def test_keys_are_valid_unique_and_never_reserved():
    xml = model(
        """
    <field name="Captcha" type="zope.schema.TextLine"><title>A</title></field>
    <field name="2nd-line" type="zope.schema.TextLine"><title>B</title></field>
    <field name="E_Mail" type="zope.schema.TextLine"><title>C</title></field>
    <field name="e_mail" type="zope.schema.TextLine"><title>D</title></field>
"""
    )

    specs, _warnings = form_fields_from_model(xml)

    assert [s.clean_name for s in specs] == [
        "field_captcha",
        "field_2nd_line",
        "e_mail",
        "e_mail_2",
    ]


def test_validators_without_counterpart_are_reported_and_is_checked_requires_the_box():
    xml = model(
        """
    <field name="terms" type="zope.schema.Bool" easyform:validators="isChecked">
      <title>Terms</title><required>False</required>
    </field>
    <field name="note" type="zope.schema.Text" easyform:validators="isNotLinkSpam">
      <title>Note</title>
    </field>
    <field name="hidden" type="zope.schema.TextLine" easyform:THidden="True">
      <title>Source</title><default>web</default><required>False</required>
    </field>
"""
    )

    specs, warnings = form_fields_from_model(xml)

    fields = by_name(specs)
    assert fields["terms"].required is True
    assert fields["hidden"].field_type == FieldType.HIDDEN
    assert fields["hidden"].default_value == "web"
    assert warnings == [
        "field 'Note' (note): the validator 'isNotLinkSpam' has no counterpart; left out"
    ]


def test_choices_from_a_vocabulary_are_reported():
    xml = model(
        """
    <field name="country" type="zope.schema.Choice" vocabulary="plone.app.vocabularies.Countries">
      <title>Country</title>
    </field>
"""
    )

    specs, warnings = form_fields_from_model(xml)

    assert specs[0].choices == []
    assert warnings == [
        "field 'Country' (country): its choices come from the Plone vocabulary "
        "'plone.app.vocabularies.Countries'; add them by hand"
    ]


def test_empty_model_has_no_fields():
    assert form_fields_from_model("") == ([], [])
    assert form_fields_from_model(model("")) == ([], [])


@pytest.mark.parametrize(
    "xml",
    [
        "<model><schema><field name='a'",
        "not xml at all",
        '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaa">]><model>&a;</model>',
    ],
)
def test_unreadable_models_raise_a_clear_error(xml):
    with pytest.raises(FormModelError, match="the form's model"):
        form_fields_from_model(xml)

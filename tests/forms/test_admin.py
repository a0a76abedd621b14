"""The page editor: editing a form's fields under the app's rules."""

import pytest
from django.test import override_settings
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from forms.models import FormPage

pytestmark = pytest.mark.django_db


def _edit_data(page, **changes):
    """The edit form's POST data for ``page`` as saved, with ``changes`` per field key."""
    items = []
    for field in page.form_fields.all():
        item = {
            "id": str(field.pk),
            "label": field.label,
            "key": field.key,
            "help_text": field.help_text,
            "field_type": field.field_type,
            "choices": field.choices,
            "default_value": field.default_value,
            "purpose": str(field.purpose_id or ""),
            "max_file_size_mb": str(field.max_file_size_mb),
        }
        if field.required:
            item["required"] = "on"
        if field.is_subject_email:
            item["is_subject_email"] = "on"
        for name, value in changes.get(field.key, {}).items():
            if value is None:
                item.pop(name, None)
            else:
                item[name] = value
        items.append(item)
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": rich_text(""),
            "thank_you_text": rich_text(""),
            "inbox": str(page.inbox_id),
            "form_fields": inline_formset(items, initial=len(items)),
        }
    )
    # A multiple-choice value is one name sent several times, which nested_form_data
    # would flatten into numbered names.
    for index, field in enumerate(page.form_fields.all()):
        data[f"form_fields-{index}-file_kinds"] = list(field.allowed_kinds)
    return data


def _save(client, page, **changes):
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), _edit_data(page, **changes)
    )


def _field_errors(response, page, key):
    """The names of the inputs with errors in the inline form of the field saved as ``key``."""
    pk = page.form_fields.get(key=key).pk
    formset = response.context["form"].formsets["form_fields"]
    [form] = [form for form in formset.forms if form.instance.pk == pk]
    return set(form.errors)


def test_editor_saves_an_unchanged_form(admin_client, contact_page):
    response = _save(admin_client, contact_page)

    assert response.status_code == 302


def test_a_purpose_ticked_required_is_saved_optional(admin_client, contact_page):
    response = _save(admin_client, contact_page, consent_newsletter={"required": "on"})

    assert response.status_code == 302
    page = FormPage.objects.get(pk=contact_page.pk).get_latest_revision_as_object()
    [newsletter] = [f for f in page.form_fields.all() if f.key == "consent_newsletter"]
    assert newsletter.required is False


def test_a_form_without_its_inboxs_purpose_is_saved_with_the_purpose_added(
    admin_client, contact_page, answer_purpose
):
    contact_page.inbox.purpose = answer_purpose
    contact_page.inbox.save()
    data = _edit_data(contact_page)
    answer_index = [f.key for f in contact_page.form_fields.all()].index("consent_answer")
    data[f"form_fields-{answer_index}-DELETE"] = "on"
    data["action-publish"] = "action-publish"

    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[contact_page.pk]), data)

    assert response.status_code == 302
    [stated] = contact_page.form_fields.filter(purpose=answer_purpose)
    assert stated.field_type == "purpose" and stated.required is False
    assert stated.label == "Antwoord op uw vraag"
    assert stated.sort_order == max(f.sort_order for f in contact_page.form_fields.all())
    assert not contact_page.form_fields.filter(key="consent_answer").exists()


def test_a_new_form_page_is_created_with_its_inboxs_purpose(
    admin_client, home, inbox, answer_purpose
):
    inbox.purpose = answer_purpose
    inbox.save()
    email = {
        "label": "E-mail",
        "key": "email",
        "field_type": "email",
        "is_subject_email": "on",
        "max_file_size_mb": "10",
        "purpose": "",
    }
    data = nested_form_data(
        {
            "title": "Vraag",
            "slug": "vraag",
            "intro": rich_text(""),
            "thank_you_text": rich_text(""),
            "inbox": str(inbox.pk),
            "form_fields": inline_formset([email]),
        }
    )
    data["action-publish"] = "action-publish"
    url = reverse("wagtailadmin_pages:add", args=["forms", "formpage", home.pk])

    response = admin_client.post(url, data)

    assert response.status_code == 302
    page = FormPage.objects.get(slug="vraag")
    assert page.live
    assert [(f.key, f.purpose_id) for f in page.form_fields.order_by("sort_order")] == [
        ("email", None),
        ("consent_answer_request", answer_purpose.pk),
    ]
    assert "Antwoord op uw vraag" in admin_client.get(page.url).content.decode()


def test_the_inbox_says_its_purpose_is_added_on_saving(admin_client, contact_page):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[contact_page.pk]))

    help_text = str(response.context["form"].fields["inbox"].help_text)
    assert "dan wordt er een toegevoegd bij het opslaan" in help_text


def test_key_of_a_saved_field_cannot_change(admin_client, contact_page):
    response = _save(admin_client, contact_page, name={"key": "full_name"})

    assert response.status_code == 200
    assert _field_errors(response, contact_page, "name") == {"key"}
    assert contact_page.form_fields.filter(key="name").exists()


def test_changing_a_label_keeps_the_key(admin_client, contact_page):
    _save(admin_client, contact_page, name={"label": "Volledige naam"})

    field = FormPage.objects.get(pk=contact_page.pk).get_latest_revision_as_object().form_fields
    assert [f.key for f in field.all() if f.label == "Volledige naam"] == ["name"]


def test_form_without_a_subject_email_is_refused(admin_client, contact_page):
    response = _save(admin_client, contact_page, email={"is_subject_email": None})

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert contact_page.form_fields.get(key="email").is_subject_email


def test_purpose_field_without_a_purpose_is_refused(admin_client, contact_page):
    response = _save(admin_client, contact_page, consent_newsletter={"purpose": ""})

    assert response.status_code == 200
    assert _field_errors(response, contact_page, "consent_newsletter") == {"purpose"}


@pytest.mark.parametrize("key", ["form-protection", "consent-proofs", "cookies-statistics"])
def test_a_purpose_the_site_states_itself_is_refused_on_a_purpose_field(
    admin_client, contact_page, newsletter_purpose, key
):
    from tests.privacy.factories import PurposeFactory

    internal = PurposeFactory(key=key, legal_basis="legitimate_interest")

    response = _save(admin_client, contact_page, consent_newsletter={"purpose": str(internal.pk)})

    assert response.status_code == 200
    assert _field_errors(response, contact_page, "consent_newsletter") == {"purpose"}
    latest = FormPage.objects.get(pk=contact_page.pk).get_latest_revision_as_object()
    assert latest.form_fields.get(key="consent_newsletter").purpose == newsletter_purpose


@override_settings(REQUEST_MAX_BODY_SIZE=25 * 1024 * 1024)
def test_file_limit_over_the_request_body_cap_is_refused_with_a_clear_error(
    admin_client, contact_page
):
    response = _save(admin_client, contact_page, attachment={"max_file_size_mb": "30"})

    assert response.status_code == 200
    assert _field_errors(response, contact_page, "attachment") == {"max_file_size_mb"}
    formset = response.context["form"].formsets["form_fields"]
    [message] = [e for form in formset.forms for e in form.errors.get("max_file_size_mb", [])]
    assert "25 MB" in message
    assert contact_page.form_fields.get(key="attachment").max_file_size_mb == 10


def test_editor_loads_the_form_builder_script_as_a_file(admin_client, contact_page):
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[contact_page.pk])).content

    assert b'<script src="/static/forms/js/form-builder.js"></script>' in html
    # Each option is marked with the types it belongs to, for that script.
    for option in (b"choices", b"default", b"subject", b"purpose", b"file"):
        assert b'data-form-field-option="' + option + b'"' in html


def test_the_editor_offers_one_purpose_type_for_boxes_and_notices(admin_client, contact_page):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[contact_page.pk]))

    formset = response.context["form"].formsets["form_fields"]
    for form in [*formset.forms, formset.empty_form]:
        labels = dict(form.fields["field_type"].choices)
        assert labels["purpose"] == "Doel: toestemmingsvakje of mededeling"
        assert "anders een mededeling" in str(form.fields["purpose"].help_text)

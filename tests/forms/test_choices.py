"""Choices are one vocabulary: the source language's value, each translation's label."""

import logging

import pytest
from bs4 import BeautifulSoup

from forms.models import FieldType, FormField, FormPage, FormSubmission
from tests.forms.factories import FormFieldFactory
from tests.translations import translation_with_parents

pytestmark = pytest.mark.django_db

NL = "Industrie\nBouw\nHandel"
FR = "Industrie\nConstruction\nCommerce"


@pytest.fixture
def sector_page(contact_page):
    FormFieldFactory(
        page=contact_page,
        sort_order=10,
        label="Sector",
        key="sector",
        field_type=FieldType.DROPDOWN,
        choices=NL,
    )
    return contact_page


def _translate(page, locale, *, choices):
    translation = translation_with_parents(page, locale)
    translation.form_fields.filter(key="sector").update(label="Secteur", choices=choices)
    translation.save_revision().publish()
    return FormPage.objects.get(pk=translation.pk)


@pytest.fixture
def fr_sector_page(sector_page, locales):
    return _translate(sector_page, locales["fr"], choices=FR)


def test_nl_and_fr_submissions_of_the_same_choice_store_the_same_value(
    client, sector_page, fr_sector_page, valid_data
):
    client.post(sector_page.url, {**valid_data, "sector": "Bouw"})
    client.post(fr_sector_page.url, {**valid_data, "sector": "Bouw"})

    assert [s.answers["sector"] for s in FormSubmission.objects.order_by("pk")] == ["Bouw", "Bouw"]
    assert list(FormSubmission.objects.values_list("locale", flat=True).order_by("pk")) == [
        "nl",
        "fr",
    ]


def test_the_french_page_shows_french_labels_and_posts_source_values(client, fr_sector_page):
    html = client.get(fr_sector_page.url).content.decode()

    select = BeautifulSoup(html, "html.parser").find("select", attrs={"name": "sector"})
    options = [(o["value"], o.get_text()) for o in select.find_all("option") if o["value"]]
    assert options == [
        ("Industrie", "Industrie"),
        ("Bouw", "Construction"),
        ("Handel", "Commerce"),
    ]


def test_a_french_label_is_not_a_value(client, fr_sector_page, valid_data):
    response = client.post(fr_sector_page.url, {**valid_data, "sector": "Construction"})

    assert "sector" in response.context["form"].errors
    assert not FormSubmission.objects.exists()


def test_the_api_schema_gives_values_and_labels_and_accepts_the_value_in_any_locale(
    client, sector_page, fr_sector_page, valid_data
):
    schema = client.get(f"/api/forms/{sector_page.pk}?locale=fr").json()
    [sector] = [field for field in schema["fields"] if field["key"] == "sector"]
    assert sector["choices"][1] == {"value": "Bouw", "label": "Construction"}

    for page in (sector_page, fr_sector_page):
        response = client.post(
            f"/api/forms/{page.pk}/submissions", {**valid_data, "sector": "Bouw"}
        )
        assert response.status_code == 201, response.content
    assert {s.answers["sector"] for s in FormSubmission.objects.all()} == {"Bouw"}


def test_a_translation_with_another_number_of_choices_offers_the_sources_with_a_warning(
    client, sector_page, locales, valid_data, caplog
):
    fr_page = _translate(sector_page, locales["fr"], choices="Industrie\nConstruction")

    with caplog.at_level(logging.WARNING, logger="forms.models.pages"):
        form = fr_page.get_form(page=fr_page)

    assert list(form.fields["sector"].choices)[-3:] == [
        ("Industrie", "Industrie"),
        ("Bouw", "Bouw"),
        ("Handel", "Handel"),
    ]
    assert "sector" in caplog.text
    client.post(fr_page.url, {**valid_data, "sector": "Handel"})
    assert FormSubmission.objects.get().answers["sector"] == "Handel"


def test_a_single_field_read_on_its_own_finds_its_source_choices(fr_sector_page):
    field = FormField.objects.get(page=fr_sector_page, key="sector")

    assert field.api_choices[1] == {"value": "Bouw", "label": "Construction"}


def test_a_required_drop_down_starts_on_choose_and_refuses_it(client, sector_page, valid_data):
    sector_page.form_fields.filter(key="sector").update(required=True)
    sector_page.save_revision().publish()
    html = client.get(sector_page.url).content.decode()

    select = BeautifulSoup(html, "html.parser").find("select", attrs={"name": "sector"})
    first = select.find_all("option")[0]
    assert (first["value"], first.get_text()) == ("", "Kies…")
    response = client.post(sector_page.url, {**valid_data, "sector": ""})
    assert "sector" in response.context["form"].errors
    assert not FormSubmission.objects.exists()


def test_a_new_question_in_the_editor_is_optional_until_made_required(admin_client, contact_page):
    from django.urls import reverse

    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[contact_page.pk])).text

    soup = BeautifulSoup(html, "html.parser")
    template = soup.find("template", id="id_form_fields-EMPTY_FORM_TEMPLATE") or soup.find(
        id="id_form_fields-EMPTY_FORM_TEMPLATE"
    )
    empty = BeautifulSoup(template.decode_contents(), "html.parser")
    assert not empty.find("input", attrs={"name": "form_fields-__prefix__-required"}).has_attr(
        "checked"
    )

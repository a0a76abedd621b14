"""How public forms are protected, and that the protection is stated and asks Google nothing
before the visitor acts: the honeypot, reCAPTCHA loaded on first use, the form's notice and
the deployment check for a site without reCAPTCHA."""

import pytest
from bs4 import BeautifulSoup
from django.core.checks import run_checks
from django.test import override_settings
from django.utils import translation

from forms.captcha import HONEYPOT_MESSAGE
from forms.constants import FORM_PROTECTION_PURPOSE, HONEYPOT_FIELD_NAME
from forms.models import FormSubmission
from privacy.models import ConsentRecord, Purpose
from privacy.services.purposes import purposes_load_defaults
from tests.translations import translation_with_parents

pytestmark = pytest.mark.django_db

KEYS = {"RECAPTCHA_PUBLIC_KEY": "site-key-123", "RECAPTCHA_PRIVATE_KEY": "secret-key-456"}
GOOGLE_HOSTS = ("google.com", "gstatic.com", "recaptcha.net")


def _scripts(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    return [tag.get("src", "") for tag in soup.find_all("script")]


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_a_form_page_loads_no_google_script_until_the_visitor_starts_filling_it(
    client, contact_page, version
):
    with override_settings(**KEYS, RECAPTCHA_VERSION=version):
        response = client.get(contact_page.url)

    html = response.content.decode()
    scripts = _scripts(html)
    assert not [src for src in scripts if any(host in src for host in GOOGLE_HOSTS)]
    assert any(src.endswith("forms/js/recaptcha.js") for src in scripts)
    # The widget names the script for the loader to add on first focus or input.
    [widget] = BeautifulSoup(html, "html.parser").select("[data-recaptcha-src]")
    assert widget["data-recaptcha-src"].startswith("https://www.google.com/recaptcha/api.js")
    assert widget["data-sitekey"] == "site-key-123"


def test_the_honeypot_refuses_a_robot_with_a_form_error_and_stores_nothing(
    client, contact_page, valid_data
):
    response = client.post(
        contact_page.url, {**valid_data, "consent_newsletter": "on", HONEYPOT_FIELD_NAME: "x"}
    )

    assert response.status_code == 200
    with translation.override("nl"):
        assert str(HONEYPOT_MESSAGE) in response.content.decode()
    assert response.context["form"].non_field_errors()
    assert not FormSubmission.objects.exists()
    assert not ConsentRecord.objects.exists()


def test_the_honeypot_is_hidden_from_people_and_left_empty_by_them(
    client, contact_page, valid_data
):
    html = client.get(contact_page.url).content.decode()
    [box] = BeautifulSoup(html, "html.parser").find_all("input", attrs={"name": "homepage"})
    assert box.find_parent(attrs={"hidden": True}) is not None
    assert box["tabindex"] == "-1"
    assert box["autocomplete"] == "off"

    response = client.post(contact_page.url, {**valid_data, HONEYPOT_FIELD_NAME: ""})

    assert response.status_code == 303
    assert HONEYPOT_FIELD_NAME not in FormSubmission.objects.get().answers


def test_the_api_refuses_a_filled_honeypot_with_a_json_error(client, contact_page, valid_data):
    response = client.post(
        f"/api/forms/{contact_page.pk}/submissions", {**valid_data, HONEYPOT_FIELD_NAME: "x"}
    )

    assert response.status_code == 400
    with translation.override("nl"):
        assert response.json()["errors"]["__all__"] == [str(HONEYPOT_MESSAGE)]
    assert not FormSubmission.objects.exists()


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_each_form_states_its_protection_from_the_purposes_data(
    client, locales, contact_page, language
):
    purposes_load_defaults(app_labels=["forms"])
    purpose = Purpose.objects.get(key=FORM_PROTECTION_PURPOSE, locale=locales[language])
    page = contact_page
    if language != "nl":
        page = translation_with_parents(contact_page, locales[language])
        page.save_revision().publish()

    html = client.get(page.url).content.decode()

    notice = BeautifulSoup(html, "html.parser").find(id="notice-form-protection")
    assert notice is not None
    text = notice.get_text(" ", strip=True)
    assert purpose.name in text
    assert purpose.consent_text in text
    assert purpose.recipients in text
    assert "Data Privacy Framework" in purpose.recipients + purpose.description


def test_the_api_lists_the_protection_notice_with_the_forms_purposes(client, contact_page):
    purposes_load_defaults(app_labels=["forms"])

    schema = client.get(f"/api/forms/{contact_page.pk}").json()

    [protection] = [p for p in schema["purposes"] if p["key"] == FORM_PROTECTION_PURPOSE]
    assert protection["kind"] == "notice"
    assert protection["field"] == ""
    assert "Google" in protection["recipients"]


def test_check_deploy_warns_when_recaptcha_is_not_configured():
    with override_settings(RECAPTCHA_PUBLIC_KEY="", RECAPTCHA_PRIVATE_KEY=""):
        ids = {message.id for message in run_checks(include_deployment_checks=True)}
    assert "forms.W001" in ids

    with override_settings(**KEYS):
        ids = {message.id for message in run_checks(include_deployment_checks=True)}
    assert "forms.W001" not in ids

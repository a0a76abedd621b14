"""load_demo gives the Secretariat its inboxes and both forms in nl, fr and en, once."""

import io

import pytest
from django.core.management import call_command

from forms.models import FormPage, Inbox

pytestmark = pytest.mark.django_db


def test_demo_builds_both_forms_in_three_languages_and_is_idempotent(client):
    call_command("load_demo", stdout=io.StringIO())
    first = sorted(FormPage.objects.values_list("pk", "locale__language_code", "url_path"))
    call_command("load_demo", stdout=io.StringIO())

    assert sorted(FormPage.objects.values_list("pk", "locale__language_code", "url_path")) == first
    for slug in ("contact", "lidmaatschap"):
        source = FormPage.objects.get(slug=slug, locale__language_code="nl")
        languages = {page.locale.language_code for page in source.get_translations().live()}
        assert languages == {"fr", "en"}
    # Other apps' demos add inboxes of their own (careers: Recruitment; events: Event registrations).
    inboxes = {inbox.name: inbox for inbox in Inbox.objects.select_related("group", "purpose")}
    forms_inboxes = {"Contact requests", "Membership"}
    assert forms_inboxes <= set(inboxes)
    assert {inboxes[name].group.name for name in forms_inboxes} == {"Secretariat"}
    assert inboxes["Membership"].purpose.key == "membership-application"

    contact = FormPage.objects.get(slug="contact", locale__language_code="nl")
    keys = [f.key for f in contact.form_fields.all()]
    assert keys == [
        "name",
        "email",
        "company",
        "question",
        "attachment",
        "consent_answer_request",
        "consent_newsletter",
        "consent_event_invitations",
    ]
    for translation in contact.get_translations():
        assert [f.key for f in translation.specific.form_fields.all()] == keys

    french = client.get("/fr/contact/")
    assert french.status_code == 200
    assert "Votre question" in french.content.decode()
    assert "Devenir membre" in client.get("/fr/adhesion/").content.decode()
    assert "Number of employees" in client.get("/en/membership/").content.decode()

    membership = FormPage.objects.get(slug="lidmaatschap", locale__language_code="nl")
    fields = {f.key: f for f in membership.form_fields.all()}
    # Not needed to handle an application: asked, never required.
    assert not fields["employees"].required and not fields["sector"].required
    assert fields["consent_membership_application"].purpose.key == "membership-application"
    assert {"consent_publications", "consent_surveys"} <= set(fields)

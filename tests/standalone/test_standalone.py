"""``forms`` and ``privacy`` in a Wagtail site of their own, without ``home`` or ``website``.

Run on its own: ``pytest tests/standalone --ds=tests.standalone.settings`` (``make test``).
"""

import io
import json
import re
import sys
import zipfile

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from wagtail.models import Locale, Page, Site

from forms.models import FieldType, FormField, FormPage, FormSubmission, Inbox
from privacy.models import ConsentRecord, LegalBasis, Purpose, RetentionStart

pytestmark = pytest.mark.django_db


@pytest.fixture
def form_page():
    locale = Locale.objects.get_or_create(language_code="en")[0]
    purpose = Purpose.objects.create(
        key="newsletter",
        locale=locale,
        name="Newsletter",
        consent_text="Send me the newsletter.",
        legal_basis=LegalBasis.CONSENT,
        retention_period=30,
        retention_from=RetentionStart.WITHDRAWAL,
    )
    purpose.save_revision(log_action=False)
    inbox = Inbox.objects.create(
        name="Enquiries", group=Group.objects.create(name="Office"), purpose=purpose
    )
    root = Site.objects.get(is_default_site=True).root_page
    page = root.add_child(instance=FormPage(title="Enquiry", slug="enquiry", inbox=inbox))
    for order, (key, kind, extra) in enumerate(
        [
            ("name", FieldType.SINGLELINE, {}),
            ("email", FieldType.EMAIL, {"is_subject_email": True}),
            ("newsletter", FieldType.PURPOSE, {"purpose": purpose, "required": False}),
        ]
    ):
        FormField.objects.create(
            page=page, sort_order=order, label=key.title(), key=key, field_type=kind, **extra
        )
    return page


def test_the_site_has_neither_home_nor_website():
    assert "home" not in settings.INSTALLED_APPS and "website" not in settings.INSTALLED_APPS
    assert not [name for name in sys.modules if name.split(".")[0] in ("home", "website")]


def test_form_is_served_submitted_exported_and_erased(
    client, form_page, tmp_path, django_capture_on_commit_callbacks
):
    page = client.get(form_page.url)
    assert page.status_code == 200
    assert 'name="email"' in page.content.decode()
    assert "Send me the newsletter." in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(
            form_page.url, {"name": "Ann", "email": "ann@example.org", "newsletter": "on"}
        )
    assert sent.status_code == 303
    thanks = client.get(sent["Location"])
    assert thanks.status_code == 200
    submission = FormSubmission.objects.get()
    assert submission.answers == {"name": "Ann", "email": "ann@example.org"}
    # Kept while the newsletter consent stands: the privacy core worked that out.
    assert submission.retain_until is None
    # The box's consent waits for the address to confirm it (double opt-in).
    assert not ConsentRecord.objects.filter(subject_email="ann@example.org").exists()
    [confirmation] = mail.outbox
    link = re.search(r"https?://\S+/newsletter/confirm/\S+/", confirmation.body).group(0)
    client.post("/" + link.split("/", 3)[3])
    assert ConsentRecord.objects.get(subject_email="ann@example.org").granted

    archive = tmp_path / "export.zip"
    call_command("privacy_export", "ann@example.org", output=str(archive), stdout=io.StringIO())
    with zipfile.ZipFile(archive) as exported:
        data = json.loads(exported.read("data.json"))
    assert "Ann" in json.dumps(data) and "forms.FormSubmission" in json.dumps(data)

    call_command("privacy_erase", "ann@example.org", yes=True, stdout=io.StringIO())
    assert not FormSubmission.objects.exists()
    assert not ConsentRecord.objects.filter(subject_email="ann@example.org").exists()
    assert Page.objects.filter(pk=form_page.pk).exists()


def test_the_api_takes_a_submission(client, form_page):
    schema = client.get(f"/api/forms/{form_page.pk}")
    response = client.post(
        f"/api/forms/{form_page.pk}/submissions", {"name": "Bo", "email": "bo@example.org"}
    )

    assert schema.status_code == 200
    assert [field["key"] for field in schema.json()["fields"]] == ["name", "email", "newsletter"]
    assert response.status_code == 201
    assert FormSubmission.objects.get(pk=response.json()["id"]).subject_email == "bo@example.org"

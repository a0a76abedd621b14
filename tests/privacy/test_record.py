"""The record of processing (GDPR art. 30): what a purpose records for the authority, and the
XLSX and PDF each controller's privacy officers download from the admin."""

import io

import openpyxl
import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail_localize.fields import TranslatableField

from privacy import conf
from privacy.models import LegalBasis, Purpose
from tests.privacy.factories import PurposeFactory
from tests.privacy.policy_factories import controller_identity

pytestmark = pytest.mark.django_db

RECORD_TEXTS = {
    "data_subjects": "Bezoekers die ons schrijven",
    "processors": "MailCo bv, verzending van e-mails, verwerkersovereenkomst 2026",
    "transfers": "Verenigde Staten",
    "transfer_safeguards": "EU-VS Data Privacy Framework",
    "security_measures": "Versleutelde verbindingen, toegang per rol",
    "interest_assessment": "Belangenafweging: noodzakelijk om te antwoorden; weinig ingrijpend.",
    "controller_roles": "De eerste vereniging beantwoordt; de tweede leest mee.",
}
TWO_CONTROLLERS = ("Kamer vzw (België)", "Kamer vzw (Nederland)")


def _officer(django_user_model, client, *, permitted=True):
    user = django_user_model.objects.create_user("officer", "officer@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    if permitted:
        group, _ = Group.objects.get_or_create(name=conf.officers_group())
        user.groups.add(group)
    client.force_login(user)
    return client


@pytest.fixture
def record_site(locales):
    controller_identity(locales["nl"], names=TWO_CONTROLLERS)
    PurposeFactory(
        key="answer-request",
        name="Uw vraag beantwoorden",
        legal_basis=LegalBasis.LEGITIMATE_INTEREST,
        legitimate_interest="Mensen antwoorden die ons schrijven.",
        **RECORD_TEXTS,
    )
    PurposeFactory(key="newsletter", name="Nieuwsbrief", interest_assessment="niet van toepassing")


def _sheet(response):
    return openpyxl.load_workbook(io.BytesIO(response.content)).active


def _file_url(controller, language, extension):
    return reverse("record_of_processing:file", args=[controller, language, extension])


def test_a_purpose_records_what_article_30_asks_and_each_text_is_translatable():
    translatable = {
        field.field_name
        for field in Purpose.translatable_fields
        if isinstance(field, TranslatableField)
    }
    assert set(RECORD_TEXTS) <= translatable
    assert set(RECORD_TEXTS) <= {field.name for field in Purpose._meta.get_fields()}


def test_the_officers_group_may_export_the_record(locales):
    group = Group.objects.get(name=conf.officers_group())
    assert group.permissions.filter(codename="export_record").exists()


def test_an_officer_downloads_each_controllers_record_as_xlsx_with_every_purpose(
    record_site, client, django_user_model
):
    officer = _officer(django_user_model, client)

    index = officer.get(reverse("record_of_processing:index"))
    assert index.status_code == 200
    for name in TWO_CONTROLLERS:
        assert name in index.content.decode()

    # English labels; the purposes, not translated yet, in the default language.
    response = officer.get(_file_url(1, "en", "xlsx"))
    assert response.status_code == 200
    assert "record-of-processing-kamer-vzw-nederland-" in response["Content-Disposition"]
    rows = [[cell or "" for cell in row] for row in _sheet(response).iter_rows(values_only=True)]
    header = {row[0]: row[1] for row in rows[:10] if row and row[0]}
    assert header["Controller"] == "Kamer vzw (Nederland)"
    assert header["Joint controllers"] == "Kamer vzw (België)"
    assert "privacy@example.org" in header["Privacy contact"]
    heading = next(i for i, row in enumerate(rows) if row[:2] == ["Purpose", "Key"])
    columns = rows[heading]
    by_key = {row[1]: dict(zip(columns, row, strict=True)) for row in rows[heading + 1 :]}
    assert set(by_key) == {"answer-request", "newsletter"}
    answer = by_key["answer-request"]
    assert answer["Categories of data subjects"] == RECORD_TEXTS["data_subjects"]
    assert answer["Processors"] == RECORD_TEXTS["processors"]
    assert answer["Transfers outside the EEA"] == RECORD_TEXTS["transfers"]
    assert answer["Safeguards for the transfers"] == RECORD_TEXTS["transfer_safeguards"]
    assert answer["Security measures"] == RECORD_TEXTS["security_measures"]
    assert answer["Legitimate-interest assessment"] == RECORD_TEXTS["interest_assessment"]
    assert answer["Which controller does what"] == RECORD_TEXTS["controller_roles"]
    assert answer["Legal basis"] == "Legitimate interest"
    assert answer["Time limit for erasure"]
    # An assessment is kept only with a purpose based on legitimate interest; no transfer
    # is stated as none.
    assert by_key["newsletter"]["Legitimate-interest assessment"] == ""
    assert by_key["newsletter"]["Transfers outside the EEA"] == "None"


def test_the_record_comes_as_pdf_and_refuses_unknown_controllers_and_other_staff(
    record_site, client, django_user_model
):
    officer = _officer(django_user_model, client)
    pdf = officer.get(_file_url(0, "fr", "pdf"))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert officer.get(_file_url(2, "nl", "xlsx")).status_code == 404
    assert officer.get(_file_url(0, "de", "xlsx")).status_code == 404


def test_staff_without_the_permission_cannot_see_or_download_the_record(
    record_site, client, django_user_model
):
    staff = _officer(django_user_model, client, permitted=False)
    # Refused the way the admin refuses: back to the dashboard, nothing downloaded.
    for url in (reverse("record_of_processing:index"), _file_url(0, "nl", "xlsx")):
        response = staff.get(url)
        assert response.status_code == 302
        assert response.url == reverse("wagtailadmin_home")
        assert "Content-Disposition" not in response


# Every processing the site does beyond forms, each with its purpose (issue: the record lists
# web and security logs, proofs, pending sign-ups, speakers, staff, downloads and exports).
PROCESSING_KEYS = {
    "security-logs",
    "consent-proofs",
    "newsletter-signup",
    "speaker-profiles",
    "staff-accounts",
    "access-logs",
    "data-exports",
}


def test_every_processing_is_a_purpose_a_site_loads_and_the_register_states(locales):
    from django.core.management import call_command

    from privacy.selectors import processing_register

    call_command("load_default_purposes", stdout=io.StringIO())

    register = {entry.key: entry for entry in processing_register(locale="en")}
    assert set(register) >= PROCESSING_KEYS
    logs = register["security-logs"]
    assert logs.retention == "30 days after it is recorded."
    assert "IP address" in logs.data
    assert register["staff-accounts"].retention == (
        "While the account exists; deleted when it is closed."
    )
    assert register["access-logs"].retention == "1 year after it is recorded."
    for key in PROCESSING_KEYS:
        purpose = Purpose.objects.get(key=key, locale__language_code="fr")
        assert purpose.data_subjects and purpose.security_measures, key


def test_the_demo_record_opens_as_a_spreadsheet_and_lists_every_processing(
    client, django_user_model
):
    from website.demo import privacy as demo
    from website.demo.localize import translate

    demo.load(log=lambda message: None, translate=translate)
    officer = _officer(django_user_model, client)

    for language in ("nl", "fr", "en"):
        response = officer.get(_file_url(0, language, "xlsx"))
        assert response.status_code == 200
        rows = list(_sheet(response).iter_rows(values_only=True))
        # The controller's lines, an empty row, the column headings, the purposes.
        heading = next(i for i, row in enumerate(rows) if not any(row)) + 1
        listed = {row[1]: row for row in rows[heading + 1 :]}
        keys = set(Purpose.objects.values_list("key", flat=True))
        assert set(listed) == keys
        assert keys >= PROCESSING_KEYS
        for key, row in listed.items():
            purpose = Purpose.objects.get(key=key, locale__language_code=language)
            # Every purpose of the demo fills in the record, in the record's language.
            assert row[6] == purpose.data_subjects != "", key
            assert row[13] == purpose.security_measures != "", key
            assert row[14] == purpose.controller_roles != "", key
            if purpose.legal_basis == LegalBasis.LEGITIMATE_INTEREST:
                assert row[5] == purpose.interest_assessment != "", key

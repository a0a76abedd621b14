"""The inbox admin as its readers use it: listings, detail, bulk handling, export, panel."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from forms.models import FormPage, FormSubmission, Inbox
from tests.forms.factories import InboxFactory
from tests.translations import translation_with_parents

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('x')</script><b>vet</b>"


def _listing(inbox_id, **params):
    return reverse("forms_inboxes:submissions", args=[inbox_id]), params


def _get_listing(client, inbox_id, **params):
    url, params = _listing(inbox_id, **params)
    return client.get(url, params)


def _csv_rows(response):
    """The export's heading and rows, after checking it ends on its delete-after-use line."""
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    *listing, empty, notice = rows
    assert empty == [] and "wis dit bestand na gebruik" in notice[0]
    return listing


def _submit(client, page, data, **changes):
    client.post(page.url, {**data, **changes})
    client.logout()
    return FormSubmission.objects.latest("pk")


def _profile(user, **values):
    profile = UserProfile.get_for_user(user)
    for name, value in values.items():
        setattr(profile, name, value)
    profile.save()
    return profile


@pytest.fixture
def two_submissions(client, contact_page, valid_data):
    jan = _submit(client, contact_page, valid_data)
    marie = _submit(
        client,
        contact_page,
        valid_data,
        name="Marie Dubois",
        email="marie@example.org",
        question="Kan ik lid worden?",
    )
    return jan, marie


def test_listing_is_titled_with_the_inbox_name(client, secretary, two_submissions):
    client.force_login(secretary)

    html = _get_listing(client, two_submissions[0].inbox_id).content.decode()

    assert "<title>Contact requests" in html
    assert "jan.peeters@example.org" in html and "marie@example.org" in html


@pytest.mark.parametrize(
    ("query", "found", "not_found"),
    [
        ("marie@", "marie@example.org", "jan.peeters@example.org"),
        ("netwerkavond", "jan.peeters@example.org", "marie@example.org"),
        ("Dubois", "marie@example.org", "jan.peeters@example.org"),
    ],
)
def test_listing_searches_addresses_and_answers(
    client, secretary, two_submissions, query, found, not_found
):
    client.force_login(secretary)

    html = _get_listing(client, two_submissions[0].inbox_id, q=query).content.decode()

    assert found in html
    assert not_found not in html


def test_listing_filters_by_status(client, secretary, two_submissions):
    jan, marie = two_submissions
    client.force_login(secretary)
    client.post(reverse("forms_inboxes:handle", args=[jan.pk]))

    open_html = _get_listing(client, jan.inbox_id, status="open").content.decode()
    handled_html = _get_listing(client, jan.inbox_id, status="handled").content.decode()

    assert "marie@example.org" in open_html and "jan.peeters@example.org" not in open_html
    assert "jan.peeters@example.org" in handled_html and "marie@example.org" not in handled_html


def test_listing_filters_by_form(client, secretary, contact_page, valid_data, home):
    other = contact_page.copy(
        to=home, update_attrs={"title": "Lidmaatschap", "slug": "lid"}, keep_live=True
    )
    _submit(client, contact_page, valid_data)
    _submit(client, FormPage.objects.get(pk=other.pk), valid_data, email="lid@example.org")
    client.force_login(secretary)

    html = _get_listing(client, contact_page.inbox_id, form=other.pk).content.decode()

    assert "lid@example.org" in html
    assert "jan.peeters@example.org" not in html


def test_listing_filters_by_date(client, secretary, two_submissions):
    jan, marie = two_submissions
    FormSubmission.objects.filter(pk=jan.pk).update(
        submitted_at=timezone.now() - datetime.timedelta(days=40)
    )
    client.force_login(secretary)
    since = (timezone.localdate() - datetime.timedelta(days=7)).isoformat()

    html = _get_listing(client, jan.inbox_id, submitted_at_from=since).content.decode()

    assert "marie@example.org" in html
    assert "jan.peeters@example.org" not in html


def test_bulk_mark_as_handled_handles_only_what_the_user_reads(
    client, secretary, two_submissions, make_user
):
    jan, marie = two_submissions
    elsewhere = InboxFactory(name="Vacancies")
    foreign = FormSubmission.objects.create(
        inbox=elsewhere, form_title="Vacature", locale="nl", subject_email="x@example.org"
    )
    client.force_login(secretary)
    url = reverse("wagtail_bulk_action", args=["forms", "formsubmission", "mark_handled"])
    query = f"?id={jan.pk}&id={marie.pk}&id={foreign.pk}"

    confirm = client.get(url + query)
    response = client.post(url + query)

    assert "Vacature" not in confirm.content.decode()
    assert response.status_code == 302
    handled = dict(FormSubmission.objects.values_list("pk", "handled_by"))
    assert handled == {jan.pk: secretary.pk, marie.pk: secretary.pk, foreign.pk: None}


def test_csv_export_has_one_row_per_submission_keyed_by_field(client, secretary, two_submissions):
    client.force_login(secretary)

    response = _get_listing(client, two_submissions[0].inbox_id, export="csv")

    assert response.status_code == 200
    rows = _csv_rows(response)
    header, *body = rows
    assert header[:6] == ["id", "form", "language", "submitted_at", "handled_at", "e-mail"]
    assert {"name", "email", "question", "attachment"} <= set(header)
    assert sorted(row[header.index("name")] for row in body) == ["Jan Peeters", "Marie Dubois"]


def test_csv_export_follows_the_listing_filters(client, secretary, two_submissions):
    jan, marie = two_submissions
    client.force_login(secretary)

    response = _get_listing(client, jan.inbox_id, export="csv", q="Dubois")

    header, *body = _csv_rows(response)
    assert [row[header.index("e-mail")] for row in body] == ["marie@example.org"]


def test_csv_export_keeps_formula_like_answers_as_text(client, secretary, contact_page, valid_data):
    _submit(client, contact_page, valid_data, name='=HYPERLINK("http://evil.example")')
    client.force_login(secretary)

    response = _get_listing(client, contact_page.inbox_id, export="csv")

    header, row = _csv_rows(response)
    assert row[header.index("name")] == '\'=HYPERLINK("http://evil.example")'


def test_csv_export_keeps_a_formula_like_email_address_as_text(
    client, secretary, contact_page, valid_data
):
    address = "=cmd|'/ccalc'!a0@example.org"
    _submit(client, contact_page, valid_data, email=address)
    assert FormSubmission.objects.get(page=contact_page).subject_email == address
    client.force_login(secretary)

    response = _get_listing(client, contact_page.inbox_id, export="csv")

    header, row = _csv_rows(response)
    assert row[header.index("e-mail")] == "'" + address


def test_xlsx_export_stores_formula_like_answers_as_text_cells(
    client, secretary, contact_page, valid_data
):
    _submit(client, contact_page, valid_data, name="=1+1", question="@SUM(A1)")
    client.force_login(secretary)

    response = _get_listing(client, contact_page.inbox_id, export="xlsx")

    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header = [cell.value for cell in sheet[1]]
    row = sheet[2]
    name = row[header.index("name")]
    assert (name.value, name.data_type) == ("=1+1", "s")
    assert row[header.index("question")].data_type == "s"


def test_exports_write_times_in_the_readers_time_zone(client, secretary, two_submissions):
    jan, _marie = two_submissions
    moment = datetime.datetime(2026, 1, 15, 12, 0, tzinfo=datetime.UTC)
    FormSubmission.objects.filter(pk=jan.pk).update(submitted_at=moment)
    _profile(secretary, current_time_zone="America/New_York")
    client.force_login(secretary)

    response = _get_listing(client, jan.inbox_id, export="csv", q="Peeters")
    header, row = _csv_rows(response)
    response = _get_listing(client, jan.inbox_id, export="xlsx", q="Peeters")
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active

    assert row[header.index("submitted_at")] == "2026-01-15T07:00:00-05:00"
    header = [cell.value for cell in sheet[1]]
    assert sheet[2][header.index("submitted_at")].value == datetime.datetime(2026, 1, 15, 7, 0)


def test_html_and_script_in_answers_are_escaped_in_the_admin(
    client, secretary, contact_page, valid_data
):
    submission = _submit(client, contact_page, valid_data, name=SCRIPT, question=SCRIPT)
    client.force_login(secretary)

    html = client.get(reverse("forms_inboxes:submission", args=[submission.pk])).content.decode()

    assert SCRIPT not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&lt;b&gt;vet&lt;/b&gt;" in html


def test_secretary_marks_a_submission_handled(client, secretary, two_submissions):
    jan, _marie = two_submissions
    client.force_login(secretary)

    response = client.post(reverse("forms_inboxes:handle", args=[jan.pk]))

    assert response.status_code == 302
    jan.refresh_from_db()
    assert jan.handled_by == secretary and jan.handled_at is not None
    html = _get_listing(client, jan.inbox_id, status="open").content.decode()
    assert reverse("forms_inboxes:submission", args=[jan.pk]) not in html


def test_detail_labels_answers_in_the_readers_language(
    client, secretary, contact_page, valid_data, locales
):
    french = translation_with_parents(contact_page, locales["fr"])
    french.form_fields.filter(key="name").update(label="Nom complet")
    submission = _submit(client, contact_page, valid_data)
    client.force_login(secretary)
    url = reverse("forms_inboxes:submission", args=[submission.pk])

    dutch = client.get(url).content.decode()
    _profile(secretary, preferred_language="fr")
    in_french = client.get(url).content.decode()

    assert "Naam" in dutch and "Nom complet" not in dutch
    assert "Nom complet" in in_french and "<dt>Naam</dt>" not in in_french


def test_detail_shows_each_purpose_with_the_choice_and_the_words_shown(
    client, secretary, contact_page, valid_data
):
    submission = _submit(client, contact_page, valid_data)
    client.force_login(secretary)
    _profile(secretary, preferred_language="en")

    html = client.get(reverse("forms_inboxes:submission", args=[submission.pk])).content.decode()

    purposes = html[html.index('id="submission-purposes"') :]
    # The notice the person read, then the newsletter box they left unticked.
    assert "We gebruiken uw gegevens om uw vraag te beantwoorden." in purposes
    assert "Stuur mij de nieuwsbrief." in purposes
    assert purposes.index("Informed") < purposes.index("Refused")


def test_detail_lists_files_by_name_each_through_the_logged_download(
    client, secretary, contact_page, valid_data
):
    from tests.forms.samples import pdf_bytes, upload

    submission = _submit(
        client, contact_page, valid_data, attachment=upload("offerte.pdf", pdf_bytes())
    )
    client.force_login(secretary)

    html = client.get(reverse("forms_inboxes:submission", args=[submission.pk])).content.decode()

    download = reverse("forms_inboxes:download", args=[submission.attachments.get().pk])
    assert f'href="{download}"' in html
    assert "offerte.pdf" in html


def test_times_are_shown_in_the_users_time_zone(client, secretary, two_submissions):
    jan, _marie = two_submissions
    moment = datetime.datetime(2026, 1, 15, 12, 0, tzinfo=datetime.UTC)
    FormSubmission.objects.filter(pk=jan.pk).update(submitted_at=moment)
    _profile(secretary, current_time_zone="America/New_York")
    client.force_login(secretary)

    detail = client.get(reverse("forms_inboxes:submission", args=[jan.pk])).content.decode()
    listing = _get_listing(client, jan.inbox_id).content.decode()

    assert 'datetime="2026-01-15T07:00:00-05:00"' in detail
    assert "15 jan 2026, 07:00" in listing


def test_dashboard_panel_shows_open_submissions_per_inbox(client, secretary, two_submissions):
    _profile(secretary, preferred_language="en")
    client.force_login(secretary)
    client.post(reverse("forms_inboxes:handle", args=[two_submissions[0].pk]))

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    panel = html[html.index('id="forms-inboxes-section"') :]
    assert "Contact requests" in panel
    assert "1 open" in panel


def test_dashboard_has_no_inbox_panel_for_a_user_reading_no_inbox(
    client, make_user, two_submissions
):
    client.force_login(make_user("editor"))

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert 'id="forms-inboxes-section"' not in html
    assert "Contact requests" not in html


def test_inboxes_appear_once_in_the_menu_and_not_under_snippets(admin_client, admin_user, inbox):
    _profile(admin_user, preferred_language="en")

    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    snippets = admin_client.get(reverse("wagtailsnippets:index")).content.decode()

    assert html.count('"label": "Inboxes"') == 1
    assert not hasattr(Inbox, "snippet_viewset")
    assert "/admin/snippets/forms/inbox/" not in snippets


def test_administrator_manages_inboxes_under_the_inboxes_menu(admin_client, inbox):
    response = admin_client.get(reverse("forms_inbox_admin:index"))

    assert response.status_code == 200
    assert "Contact requests" in response.content.decode()


def test_inbox_with_forms_cannot_be_deleted(admin_client, contact_page):
    inbox = contact_page.inbox

    response = admin_client.post(reverse("forms_inbox_admin:delete", args=[inbox.pk]))

    assert response.status_code == 302
    assert response["Location"] == reverse("forms_inbox_admin:index")
    assert Inbox.objects.filter(pk=inbox.pk).exists()


def test_unused_inbox_can_be_deleted(admin_client):
    inbox = InboxFactory()

    admin_client.post(reverse("forms_inbox_admin:delete", args=[inbox.pk]))

    assert not Inbox.objects.filter(pk=inbox.pk).exists()


def test_download_log_shows_who_downloaded_which_file_from_which_submission(
    client, secretary, contact_page, valid_data
):
    from tests.forms.samples import pdf_bytes, upload

    submission = _submit(
        client, contact_page, valid_data, attachment=upload("offerte.pdf", pdf_bytes())
    )
    secretary.user_permissions.add(Permission.objects.get(codename="view_filedownloadlog"))
    client.force_login(secretary)
    client.get(reverse("forms_inboxes:download", args=[submission.attachments.get().pk]))

    html = client.get(reverse("forms_downloads:index")).content.decode()

    assert "secretary" in html
    assert "offerte.pdf" in html
    assert reverse("forms_inboxes:submission", args=[submission.pk]) in html


@pytest.mark.parametrize(
    ("language", "heading", "open_label"),
    [("nl", "Je postvakken", "2 open"), ("fr", "Vos boîtes de réception", "2 en attente")],
)
def test_dashboard_panel_speaks_the_admin_users_language(
    client, secretary, two_submissions, language, heading, open_label
):
    _profile(secretary, preferred_language=language)
    client.force_login(secretary)

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    panel = html[html.index('id="forms-inboxes-section"') :]
    assert heading in panel and open_label in panel


def test_inbox_index_lists_inboxes_by_name_with_the_purpose_in_the_readers_language(
    client, secretary, two_submissions, locales, make_user
):
    inbox = two_submissions[0].inbox
    purpose = inbox.purpose
    french = purpose.copy_for_translation(locales["fr"])
    french.name = "Répondre à votre demande"
    french.save()
    second = InboxFactory(name="Aanvragen", group=inbox.group)
    _profile(secretary, preferred_language="fr")
    client.force_login(secretary)

    html = client.get(reverse("forms_inboxes:index")).content.decode()

    assert html.index("Aanvragen") < html.index("Contact requests")
    assert "Répondre à votre demande" in html
    assert second.purpose.name in html


def test_listing_offers_the_bulk_mark_as_handled_action(client, secretary, two_submissions):
    client.force_login(secretary)

    html = _get_listing(client, two_submissions[0].inbox_id).content.decode()

    action = reverse("wagtail_bulk_action", args=["forms", "formsubmission", "mark_handled"])
    assert f'href="{action}"' in html
    assert f'data-bulk-action-parent-id="{two_submissions[0].inbox_id}"' in html


@pytest.mark.parametrize(
    ("language", "name", "download"),
    [
        ("en", "Contact requests", "Download XLSX"),
        ("nl", "Contactaanvragen", "XLSX downloaden"),
        ("fr", "Demandes de contact", "Télécharger en XLSX"),
    ],
)
def test_an_inbox_and_its_export_are_named_in_the_readers_language(
    client, secretary, two_submissions, language, name, download
):
    from forms.models import InboxName

    inbox = two_submissions[0].inbox
    InboxName.objects.create(inbox=inbox, language="nl", name="Contactaanvragen")
    InboxName.objects.create(inbox=inbox, language="fr", name="Demandes de contact")
    _profile(secretary, preferred_language=language)
    client.force_login(secretary)

    index = client.get(reverse("forms_inboxes:index")).content.decode()
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    listing = _get_listing(client, inbox.pk).content.decode()

    others = {"Contact requests", "Contactaanvragen", "Demandes de contact"} - {name}
    for html in (index, dashboard[dashboard.index('id="forms-inboxes-section"') :], listing):
        assert name in html
        assert not any(other in html for other in others)
    assert f"<title>{name}" in listing
    assert download in listing

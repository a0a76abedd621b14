"""Data-subject requests: the page, the confirmation link, the officers' handling, the answer."""

import io
import json
import re
import zipfile
from datetime import date, datetime, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from privacy.models import (
    ConsentRecord,
    DataRequestPage,
    DataSubjectRequest,
    LegalBasis,
    RequestAnswer,
    RequestStatus,
    RetentionStart,
)
from privacy.models.requests import one_month_after
from privacy.registry import registration_for
from privacy.services import requests as services
from tests.privacy.factories import ConsentRecordFactory, PurposeFactory
from tests.privacy.links import signed_days_ago, tampered, token_in, without_csrf_token
from tests.privacy.mail import assert_no_preference_link, assert_preference_link

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_purpose(locales):
    return PurposeFactory(
        key="privacy-request",
        name="Uw privacyverzoek behandelen",
        description="We bewaren uw verzoek drie jaar na afsluiting.",
        legal_basis=LegalBasis.LEGAL_OBLIGATION,
        retention_period=1095,
        retention_from=RetentionStart.DECISION,
    )


@pytest.fixture
def request_page(home_page, request_purpose):
    page = DataRequestPage(title="Uw gegevens", slug="uw-gegevens", intro="<p>Vraag het ons.</p>")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def send(client, request_page, django_capture_on_commit_callbacks):
    def post(email="ann@example.org", kind="access", message="Wat bewaart u over mij?"):
        with django_capture_on_commit_callbacks(execute=True):
            data = {"kind": kind, "email": email, "message": message}
            return client.post(request_page.url, data, follow=True)

    return post


def link_in(message, part):
    return "/" + re.search(rf"https?://\S+{part}\S+/", message.body).group(0).split("/", 3)[3]


@pytest.fixture
def confirmed(send, client, django_capture_on_commit_callbacks):
    """A request whose sender followed the link and pressed the button."""
    send()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link_in(mail.outbox[-1], "/requests/confirm/"))
    return DataSubjectRequest.objects.get()


def test_the_page_shows_the_form_and_a_notice_not_a_checkbox(client, request_page):
    page = client.get(request_page.url).content.decode()

    for kind in ("access", "rectification", "erasure", "objection", "withdrawal"):
        assert f'value="{kind}"' in page
    assert "Bezwaar tegen de verwerking van mijn gegevens (bijvoorbeeld tegen foto" in page
    assert "Uw privacyverzoek behandelen" in page
    assert 'type="checkbox"' not in page.split('class="form"')[1].split("</form>")[0]


def test_sending_files_the_request_and_mails_a_link_in_the_page_language(send, request_page):
    response = send(" Ann@Example.org ")

    assert response.status_code == 200
    assert 'role="status"' in response.content.decode()
    data_request = DataSubjectRequest.objects.get()
    assert data_request.email == "ann@example.org"
    assert data_request.status == RequestStatus.NEW
    assert data_request.confirmed_at is None and data_request.due_date is None
    assert data_request.locale == "nl"
    [message] = mail.outbox
    assert message.to == ["ann@example.org"]
    assert message.subject == "Bevestig uw privacyverzoek"
    assert "/nl/my-privacy/requests/confirm/" in message.body
    assert "/nl/my-privacy/preferences/" in message.body


def test_a_stored_request_is_answered_with_a_303_to_the_thank_you_page(
    client, request_page, django_capture_on_commit_callbacks
):
    data = {"kind": "access", "email": "ann@example.org", "message": ""}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(request_page.url, data)

    assert response.status_code == 303
    assert response["Location"] == f"{request_page.url}sent/"
    assert DataSubjectRequest.objects.count() == 1
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200 and 'role="status"' in thanks.content.decode()
    assert client.post(response["Location"], data).status_code == 405
    assert DataSubjectRequest.objects.count() == 1


def test_the_answer_is_the_same_whether_the_address_is_known_or_not(send):
    ConsentRecordFactory(subject_email="known@example.org")

    known = send("known@example.org")
    unknown = send("nobody@example.org")

    assert known.status_code == unknown.status_code == 200
    assert without_csrf_token(known) == without_csrf_token(unknown)


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "access", "email": "not-an-address"},
        {"kind": "sell-my-data", "email": "ann@example.org"},
        {"kind": "access", "email": "ann@example.org", "message": "x" * 5001},
    ],
)
def test_bad_requests_get_the_form_back_and_store_nothing(client, request_page, data):
    response = client.post(request_page.url, data)

    assert response.status_code == 200
    assert "form__errors" in response.content.decode()
    assert not DataSubjectRequest.objects.exists()
    assert not mail.outbox


def test_only_the_button_behind_the_link_confirms_and_starts_the_month(
    send, client, django_capture_on_commit_callbacks, make_officer
):
    make_officer("officer")
    send()
    link = link_in(mail.outbox[0], "/requests/confirm/")

    assert client.get(link).status_code == 200
    assert DataSubjectRequest.objects.get().confirmed_at is None

    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(link)
    assert done.status_code == 200
    data_request = DataSubjectRequest.objects.get()
    assert data_request.status == RequestStatus.CONFIRMED
    assert data_request.due_date == one_month_after(data_request.confirmed_at)
    assert data_request.retain_until is None
    officer_mail = mail.outbox[-1]
    assert officer_mail.to == ["officer@example.org"]
    assert "ann@example.org" not in officer_mail.body  # the content stays in the admin
    assert_no_preference_link(officer_mail)  # the officers are not whom it is about
    assert_preference_link(mail.outbox[0], language="nl")  # the requester is
    assert ModelLogEntry.objects.filter(action="privacy.request.confirm").count() == 1


@pytest.mark.parametrize("method", ["get", "post"])
def test_tampered_and_expired_confirmation_links_change_nothing(send, client, method):
    send()
    with signed_days_ago(8):
        send("bob@example.org")
    data_request = DataSubjectRequest.objects.get(email="ann@example.org")
    token = token_in(link_in(mail.outbox[0], "/requests/confirm/"))
    old = token_in(link_in(mail.outbox[1], "/requests/confirm/"))
    with translation.override("nl"):
        bad = getattr(client, method)(
            reverse("privacy:request_confirm", kwargs={"token": tampered(token)})
        )
        expired = getattr(client, method)(reverse("privacy:request_confirm", kwargs={"token": old}))

    assert bad.status_code == 400
    assert "Deze link is niet geldig" in bad.content.decode()
    assert expired.status_code == 410
    assert "Deze link is verlopen" in expired.content.decode()
    for data_request in DataSubjectRequest.objects.all():
        assert data_request.confirmed_at is None and data_request.status == RequestStatus.NEW


@pytest.mark.parametrize(
    ("confirmed_at", "due"),
    [
        (datetime(2026, 1, 31, 10), date(2026, 2, 28)),
        (datetime(2028, 1, 31, 10), date(2028, 2, 29)),
        (datetime(2026, 12, 15, 10), date(2027, 1, 15)),
        (datetime(2026, 3, 10, 10), date(2026, 4, 10)),
    ],
)
def test_the_due_date_is_one_month_after_confirmation(confirmed_at, due):
    assert one_month_after(confirmed_at) == due


def test_retention_keeps_open_requests_and_ends_three_years_after_closure(send, confirmed):
    registration = registration_for(DataSubjectRequest)
    now = timezone.now()
    assert not registration.expired_queryset(now + timedelta(days=5000)).exists()

    services.request_set_status(request=confirmed, status=RequestStatus.CLOSED)

    confirmed.refresh_from_db()
    assert confirmed.closed_at is not None
    assert confirmed.retain_until == confirmed.closed_at + timedelta(days=1095)
    assert registration.expired_queryset(now + timedelta(days=1096)).exists()


def test_an_unconfirmed_request_expires_with_its_link(send):
    send()
    registration = registration_for(DataSubjectRequest)
    assert not registration.expired_queryset(timezone.now()).exists()
    assert registration.expired_queryset(timezone.now() + timedelta(days=8)).exists()


# The admin


@pytest.fixture
def make_officer(db):
    def make(username):
        user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
        user.groups.add(Group.objects.get(name="Privacy officers"))
        return user

    return make


@pytest.fixture
def officer(make_officer):
    return make_officer("officer")


def admin_url(name, *args):
    return reverse(f"data_requests:{name}", args=args)


def test_officers_list_requests_with_a_warning_when_the_due_date_is_near(
    client, officer, confirmed
):
    DataSubjectRequest.objects.filter(pk=confirmed.pk).update(
        due_date=timezone.localdate() + timedelta(days=3)
    )
    client.force_login(officer)

    listing = client.get(admin_url("index"))

    assert listing.status_code == 200
    assert "ann@example.org" in listing.content.decode()
    # The admin speaks the site's default language to a user who chose none.
    assert "nog 3 dagen" in listing.content.decode()
    inspect = client.get(admin_url("inspect", confirmed.pk)).content.decode()
    assert "Het antwoord moet er over 3 dagen zijn." in inspect
    assert "Wat bewaart u over mij?" in inspect


def test_the_deadline_filter_finds_overdue_requests(client, officer, confirmed, send):
    send("late@example.org")
    late = DataSubjectRequest.objects.get(email="late@example.org")
    DataSubjectRequest.objects.filter(pk=late.pk).update(
        confirmed_at=timezone.now() - timedelta(days=40),
        status=RequestStatus.IN_PROGRESS,
        due_date=timezone.localdate() - timedelta(days=2),
    )
    client.force_login(officer)

    page = client.get(admin_url("index"), {"deadline": "overdue"}).content.decode()

    assert "late@example.org" in page
    assert "ann@example.org" not in page
    assert "privacy-deadline--overdue" in page


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_user("editor", "editor@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    group, _ = Group.objects.get_or_create(name="Editors")
    user.groups.add(group)
    return user


@pytest.fixture
def secretary(db):
    user = get_user_model().objects.create_user("secretary", "secretary@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    group, _ = Group.objects.get_or_create(name="Secretariat")
    user.groups.add(group)
    return user


@pytest.mark.parametrize("who", ["anonymous", "editor", "secretary"])
@pytest.mark.parametrize("view", ["index", "inspect", "edit", "export", "answer", "erase"])
def test_nobody_but_officers_sees_or_handles_requests(
    client, confirmed, who, view, request, editor, secretary
):
    ConsentRecordFactory(subject_email="ann@example.org")
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    url = admin_url(view) if view == "index" else admin_url(view, confirmed.pk)

    got = client.get(url)
    posted = client.post(url, {"status": "closed"})

    for response in (got, posted):
        assert response.status_code in (302, 403)
        assert "ann@example.org" not in response.content.decode()
        if response.status_code == 302:
            assert "/admin/login/" in response["Location"] or response["Location"] == "/admin/"
    assert ConsentRecord.objects.count() == 1
    assert not RequestAnswer.objects.exists()
    confirmed.refresh_from_db()
    assert confirmed.status == RequestStatus.CONFIRMED


def test_nobody_adds_or_deletes_requests_in_the_admin_not_even_a_superuser(client, confirmed):
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)

    assert client.get(admin_url("index")).status_code == 200
    assert client.get(admin_url("add")).status_code in (302, 403)
    assert client.post(admin_url("delete", confirmed.pk)).status_code in (302, 403)
    assert DataSubjectRequest.objects.count() == 1


def test_closing_a_request_in_the_admin_starts_its_retention_and_is_logged(
    client, officer, confirmed
):
    client.force_login(officer)

    response = client.post(admin_url("edit", confirmed.pk), {"status": "closed", "handled_by": ""})

    assert response.status_code == 302
    confirmed.refresh_from_db()
    assert confirmed.status == RequestStatus.CLOSED
    assert confirmed.handled_by == officer
    assert confirmed.retain_until is not None
    assert ModelLogEntry.objects.filter(action="wagtail.edit", user=officer).exists()


def test_the_officer_downloads_the_export_and_it_is_logged(client, officer, confirmed):
    ConsentRecordFactory(subject_email="ann@example.org", purpose__key="newsletter")
    client.force_login(officer)

    response = client.get(admin_url("export", confirmed.pk))

    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    data = json.loads(archive.read("data.json"))
    assert data["subject"] == "ann@example.org"
    assert len(data["records"]["privacy.ConsentRecord"]) == 1
    entry = ModelLogEntry.objects.get(action="privacy.request.export")
    assert entry.user == officer
    assert "ann@example.org" not in entry.label


def test_an_address_that_holds_nothing_gets_an_empty_export(client, officer, confirmed):
    client.force_login(officer)

    response = client.get(admin_url("export", confirmed.pk))

    data = json.loads(
        zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))).read("data.json")
    )
    # The request, and the link to the preference centre its confirmation mail carried.
    assert set(data["records"]) == {"privacy.DataSubjectRequest", "privacy.EmailLink"}
    assert data["files"] == []


@pytest.fixture
def answered(client, officer, confirmed, django_capture_on_commit_callbacks):
    ConsentRecordFactory(subject_email="ann@example.org")
    client.force_login(officer)
    assert client.get(admin_url("answer", confirmed.pk)).status_code == 200
    assert not RequestAnswer.objects.exists()  # the first step only asks
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(admin_url("answer", confirmed.pk))
    assert response.status_code == 302
    client.logout()
    return RequestAnswer.objects.get()


def test_the_answer_is_a_private_file_behind_an_expiring_link_in_the_requesters_language(
    client, answered, confirmed
):
    from django.core.files.storage import storages

    assert storages["private"].exists(answered.file.name)
    assert "ann" not in answered.file.name
    message = mail.outbox[-1]
    assert message.to == ["ann@example.org"]
    assert message.subject == "Het antwoord op uw privacyverzoek"
    assert not message.attachments
    confirmed.refresh_from_db()
    assert confirmed.status == RequestStatus.ANSWERED
    assert ModelLogEntry.objects.filter(action="privacy.request.answer").exists()

    download = client.get(link_in(message, "/requests/answer/"))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    assert json.loads(archive.read("data.json"))["subject"] == "ann@example.org"


def test_tampered_and_expired_download_links_are_refused_and_retention_deletes_the_file(
    client, answered
):
    from django.core.files.storage import storages

    from privacy.services import retention_enforce

    link = link_in(mail.outbox[-1], "/requests/answer/")
    token = token_in(link)
    with translation.override("nl"):
        bad = client.get(reverse("privacy:request_answer", kwargs={"token": tampered(token)}))
    assert bad.status_code == 400

    RequestAnswer.objects.filter(pk=answered.pk).update(expires_at=timezone.now())
    assert client.get(link).status_code == 410
    retention_enforce()
    assert not RequestAnswer.objects.exists()
    assert not storages["private"].exists(answered.file.name)
    assert DataSubjectRequest.objects.exists()


def test_erasure_asks_first_then_erases_all_but_the_request_and_logs_counts(
    client, officer, confirmed
):
    ConsentRecordFactory(subject_email="ann@example.org")
    ConsentRecordFactory(subject_email="bob@example.org")
    client.force_login(officer)

    ask = client.get(admin_url("erase", confirmed.pk))
    assert ask.status_code == 200
    assert ConsentRecord.objects.count() == 2

    response = client.post(admin_url("erase", confirmed.pk))

    assert response.status_code == 302
    # The proof stays, naming nobody: only the keyed hash of Ann's address is left.
    assert sorted(ConsentRecord.objects.values_list("subject_email", flat=True)) == [
        "",
        "bob@example.org",
    ]
    assert ConsentRecord.objects.get(subject_email="").subject_hash
    assert DataSubjectRequest.objects.filter(pk=confirmed.pk).exists()
    entry = ModelLogEntry.objects.get(action="privacy.request.erase")
    assert entry.user == officer
    # The one row erased is the preference-centre link of the confirmation mail.
    assert (entry.data["rows"], entry.data["hashed"]) == (1, 1)


def test_reopening_a_closed_request_keeps_it_again(confirmed):
    services.request_set_status(request=confirmed, status=RequestStatus.CLOSED)
    services.request_set_status(request=confirmed, status=RequestStatus.IN_PROGRESS)

    confirmed.refresh_from_db()
    assert confirmed.closed_at is None and confirmed.retain_until is None


def test_the_answer_file_goes_with_its_request_however_the_request_goes(answered):
    from django.core.files.storage import storages

    name = answered.file.name
    answered.request.delete()

    assert not storages["private"].exists(name)


def test_only_officers_and_superusers_can_be_chosen_to_handle_a_request(
    client, officer, confirmed, editor
):
    get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(officer)

    page = client.get(admin_url("edit", confirmed.pk)).content.decode()
    options = re.findall(r'<option value="\d+"[^>]*>([^<]+)</option>', page)

    assert sorted(options) == ["officer", "root"]


def test_the_officers_notice_links_to_the_request_in_the_admin(
    send, client, officer, django_capture_on_commit_callbacks
):
    send()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link_in(mail.outbox[0], "/requests/confirm/"))

    data_request = DataSubjectRequest.objects.get()
    assert admin_url("inspect", data_request.pk) in mail.outbox[-1].body


def test_closed_requests_follow_a_change_of_their_purposes_retention(
    confirmed, request_purpose, django_capture_on_commit_callbacks
):
    services.request_set_status(request=confirmed, status=RequestStatus.CLOSED)

    with django_capture_on_commit_callbacks(execute=True):
        request_purpose.retention_period = 730
        request_purpose.save()

    confirmed.refresh_from_db()
    assert confirmed.retain_until == confirmed.closed_at + timedelta(days=730)


def test_every_page_footer_links_to_the_request_page_in_its_language(client, request_page):
    page = client.get(request_page.get_parent().url).content.decode()

    assert f'<a href="{request_page.url}">' in page


@pytest.mark.parametrize("view", ["export", "answer", "erase"])
def test_nothing_is_shown_or_done_before_the_sender_confirms(client, officer, send, view):
    send()
    ConsentRecordFactory(subject_email="ann@example.org")
    unconfirmed = DataSubjectRequest.objects.get()
    client.force_login(officer)

    got = client.get(admin_url(view, unconfirmed.pk))
    posted = client.post(admin_url(view, unconfirmed.pk))

    for response in (got, posted):
        assert response.status_code == 302
        assert response["Location"] == admin_url("inspect", unconfirmed.pk)
    assert ConsentRecord.objects.count() == 1
    assert not RequestAnswer.objects.exists()
    assert not ModelLogEntry.objects.filter(action__startswith="privacy.request.").exists()
    inspect = client.get(admin_url("inspect", unconfirmed.pk)).content.decode()
    assert admin_url(view, unconfirmed.pk) not in inspect


def test_the_services_refuse_an_unconfirmed_request_too(send, officer):
    send()
    unconfirmed = DataSubjectRequest.objects.get()

    for action in (services.request_answer_send, services.request_erase):
        with pytest.raises(ValueError):
            action(request=unconfirmed, user=officer)
    assert not RequestAnswer.objects.exists()

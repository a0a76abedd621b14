"""Data-subject requests in the officers' hands: the listing, who may handle them, closing,
the export, the answer and erasure."""

import io
import json
import re
import zipfile
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from privacy.models import (
    ConsentRecord,
    DataSubjectRequest,
    RequestAnswer,
    RequestStatus,
)
from privacy.services import requests as services
from tests.privacy.factories import ConsentRecordFactory
from tests.privacy.links import tampered, token_in
from tests.privacy.request_fixtures import admin_url, link_in

pytestmark = pytest.mark.django_db


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

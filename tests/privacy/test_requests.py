"""Data-subject requests: the page, the confirmation link and the request's own dates; the
officers' side is in ``test_request_admin``, the shared fixtures in ``request_fixtures``)."""

from datetime import date, datetime, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from privacy.models import (
    DataSubjectRequest,
    RequestStatus,
)
from privacy.models.requests import one_month_after
from privacy.registry import registration_for
from privacy.services import requests as services
from tests.privacy.factories import ConsentRecordFactory
from tests.privacy.links import signed_days_ago, tampered, token_in, without_csrf_token
from tests.privacy.mail import assert_no_preference_link, assert_preference_link
from tests.privacy.request_fixtures import link_in

pytestmark = pytest.mark.django_db


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


def test_every_page_footer_links_to_the_request_page_in_its_language(client, request_page):
    page = client.get(request_page.get_parent().url).content.decode()

    assert f'<a href="{request_page.url}">' in page

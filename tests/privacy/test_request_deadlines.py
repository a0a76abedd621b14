"""Nobody misses a request's deadline: dashboard, notices, daily reminders, the extension."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from privacy.models import DataSubjectRequest, RequestReply, RequestStatus
from privacy.models.requests import months_after
from tests.privacy.request_fixtures import admin_url, link_in

pytestmark = pytest.mark.django_db


def due_in(data_request, days, **changes):
    DataSubjectRequest.objects.filter(pk=data_request.pk).update(
        due_date=timezone.localdate() + timedelta(days=days), **changes
    )
    data_request.refresh_from_db()
    return data_request


def test_the_officers_dashboard_counts_open_near_and_overdue_requests(
    client, officer, confirmed, send
):
    due_in(confirmed, 3)
    send("late@example.org")
    late = DataSubjectRequest.objects.get(email="late@example.org")
    due_in(late, -2, confirmed_at=timezone.now(), status=RequestStatus.IN_PROGRESS)
    send("calm@example.org")
    calm = DataSubjectRequest.objects.get(email="calm@example.org")
    due_in(calm, 20, confirmed_at=timezone.now(), status=RequestStatus.CONFIRMED)
    client.force_login(officer)

    page = client.get("/admin/").content.decode()

    assert 'id="privacy-requests-section"' in page
    for key, count in (("open", 3), ("near", 1), ("overdue", 1)):
        link = f"{admin_url('index')}?deadline={key}"
        assert link in page
        assert client.get(link).context["page_obj"].paginator.count == count


def test_the_dashboard_panel_is_for_those_who_handle_requests(client, confirmed):
    from django.contrib.auth.models import Permission

    editor = get_user_model().objects.create_user("editor", "editor@example.org", "pw")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)

    assert 'id="privacy-requests-section"' not in client.get("/admin/").content.decode()


def test_a_confirmed_request_tells_the_officers(
    send, client, officer, django_capture_on_commit_callbacks
):
    send()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link_in(mail.outbox[0], "/requests/confirm/"))

    assert mail.outbox[-1].to == ["officer@example.org"]


def test_without_officers_every_superuser_and_the_privacy_contact_are_told(
    send, client, settings, django_capture_on_commit_callbacks
):
    settings.PRIVACY_CONTACT_EMAIL = "privacy@example.org"
    Group.objects.get(name="Privacy officers").user_set.clear()
    get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    get_user_model().objects.create_superuser("gone", "gone@example.org", "pw", is_active=False)
    send()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link_in(mail.outbox[0], "/requests/confirm/"))

    assert sorted(mail.outbox[-1].to) == ["privacy@example.org", "root@example.org"]


@pytest.mark.parametrize(("days", "reminded"), [(7, True), (0, True), (3, False), (-1, False)])
def test_the_daily_check_reminds_seven_days_before_and_on_the_due_date(
    confirmed, officer, days, reminded
):
    due_in(confirmed, days)
    before = len(mail.outbox)

    call_command("privacy_request_reminders", stdout=None)
    call_command("privacy_request_reminders", stdout=None)  # a second run sends nothing

    sent = mail.outbox[before:]
    assert len(sent) == (1 if reminded else 0)
    if reminded:
        assert sent[0].to == ["officer@example.org"]
        assert admin_url("inspect", confirmed.pk) in sent[0].body
        assert "ann@example.org" not in sent[0].body


def test_closed_requests_are_not_reminded(confirmed, officer):
    due_in(confirmed, 0, status=RequestStatus.CLOSED)
    before = len(mail.outbox)

    call_command("privacy_request_reminders", stdout=None)

    assert len(mail.outbox) == before


def test_the_extension_is_recorded_with_its_reason_and_the_requester_told(
    client, officer, confirmed
):
    due = confirmed.due_date
    client.force_login(officer)

    missing = client.post(admin_url("reply", confirmed.pk), {"outcome": "extended"})
    assert missing.status_code == 200
    client.post(
        admin_url("reply", confirmed.pk),
        {"outcome": "extended", "note": "Uw gegevens staan in drie systemen."},
    )

    confirmed.refresh_from_db()
    assert confirmed.due_date == months_after(due, 2)
    assert confirmed.extension_reason == "Uw gegevens staan in drie systemen."
    assert confirmed.status == RequestStatus.IN_PROGRESS
    message = mail.outbox[-1]
    assert message.to == ["ann@example.org"]
    assert "Uw gegevens staan in drie systemen." in message.body
    assert "meer tijd" in message.subject
    assert RequestReply.objects.get().outcome == "extended"
    # Once only.
    page = client.get(admin_url("reply", confirmed.pk)).content.decode()
    assert 'value="extended"' not in page


def test_months_after_keeps_the_day_or_takes_the_months_last():
    from datetime import date

    assert months_after(date(2026, 12, 31), 2) == date(2027, 2, 28)
    assert months_after(date(2026, 11, 15), 2) == date(2027, 1, 15)

"""Admin sessions end after 30 minutes without a request and after 12 hours in all.

Time is moved by rewriting the moments stored in the session, never by sleeping.
"""

import time

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from website.security.sessions import LAST_SEEN_KEY, STARTED_KEY

pytestmark = pytest.mark.django_db

MINUTE = 60
HOUR = 60 * MINUTE


@pytest.fixture
def staff_client(client):
    user = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(user)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    return client


def shift(client, *, started_ago: int, last_seen_ago: int) -> None:
    now = int(time.time())
    session = client.session
    session[STARTED_KEY] = now - started_ago
    session[LAST_SEEN_KEY] = now - last_seen_ago
    session.save()


def assert_signed_out(client, response):
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert "_auth_user_id" not in client.session


def test_a_sign_in_records_when_the_session_started(client):
    user = get_user_model().objects.create_user("editor", "editor@example.org", "pw")
    client.post(reverse("wagtailadmin_login"), {"username": "editor", "password": "pw"})

    assert client.session[STARTED_KEY] == pytest.approx(time.time(), abs=5)
    assert client.session[LAST_SEEN_KEY] == pytest.approx(time.time(), abs=5)
    assert int(client.session["_auth_user_id"]) == user.pk


def test_29_idle_minutes_keep_the_session_and_count_as_activity(staff_client):
    shift(staff_client, started_ago=2 * HOUR, last_seen_ago=29 * MINUTE)

    response = staff_client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 200
    assert staff_client.session[LAST_SEEN_KEY] == pytest.approx(time.time(), abs=5)


def test_31_idle_minutes_end_the_session(staff_client):
    shift(staff_client, started_ago=2 * HOUR, last_seen_ago=31 * MINUTE)

    response = staff_client.get(reverse("wagtailadmin_home"))

    assert_signed_out(staff_client, response)
    assert "next=%2Fadmin%2F" in response["Location"]
    assert staff_client.get(reverse("wagtailadmin_home")).status_code == 302


def test_twelve_hours_end_even_an_active_session(staff_client):
    shift(staff_client, started_ago=12 * HOUR + MINUTE, last_seen_ago=MINUTE)

    assert_signed_out(staff_client, staff_client.get(reverse("wagtailadmin_home")))


def test_eleven_hours_of_activity_are_fine(staff_client):
    shift(staff_client, started_ago=11 * HOUR, last_seen_ago=MINUTE)

    assert staff_client.get(reverse("wagtailadmin_home")).status_code == 200


def test_an_expired_session_on_a_public_page_is_signed_out_quietly(staff_client, home_page):
    shift(staff_client, started_ago=HOUR, last_seen_ago=HOUR)

    response = staff_client.get(home_page.url)

    assert response.status_code == 200
    assert "_auth_user_id" not in staff_client.session


def test_activity_within_the_same_minute_does_not_write_the_session_again(staff_client):
    shift(staff_client, started_ago=HOUR, last_seen_ago=30)
    seen = staff_client.session[LAST_SEEN_KEY]

    staff_client.get(reverse("wagtailadmin_home"))

    assert staff_client.session[LAST_SEEN_KEY] == seen

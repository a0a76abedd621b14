"""Five failed sign-ins for one username from one address lock that pair out for 15 minutes."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_user("editor", "editor@example.org", "right-pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def attempt(client, username, password, address="192.0.2.10", **extra):
    extra.setdefault("HTTP_ACCEPT_LANGUAGE", "en")
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **extra
    )


def fail(client, times, username="editor", address="192.0.2.10", **extra):
    return [attempt(client, username, "wrong", address, **extra) for _ in range(times)]


def test_four_failures_still_let_the_right_password_in(client, editor):
    failures = fail(client, 4)

    assert all(response.status_code == 200 for response in failures)  # the form again
    assert attempt(client, "editor", "right-pw").status_code == 302


def test_the_fifth_failure_locks_out_with_a_clear_message_even_the_right_password(client, editor):
    *_, fifth = fail(client, 5)
    right = attempt(client, "editor", "right-pw")

    for response in (fifth, right):
        assert response.status_code == 429
        assert response["Retry-After"] == str(15 * 60)
        body = response.content.decode()
        assert "too many failed attempts" in body and "15 minutes" in body
        assert "wagtailadmin/css/core.css" in body  # Wagtail's look
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    ("language", "phrase"),
    [("nl", "15 minuten"), ("fr", "15 minutes")],
)
def test_the_lockout_message_is_translated(client, editor, language, phrase):
    fail(client, 5, HTTP_ACCEPT_LANGUAGE=language)
    response = attempt(client, "editor", "right-pw", HTTP_ACCEPT_LANGUAGE=language)

    assert response.status_code == 429
    assert phrase in response.content.decode()
    assert "too many failed attempts" not in response.content.decode()


def test_the_lock_is_per_username_and_address(client, editor):
    get_user_model().objects.create_user("other", "other@example.org", "other-pw")
    fail(client, 5)

    assert attempt(client, "editor", "right-pw", address="198.51.100.7").status_code == 302
    client.logout()
    assert attempt(client, "other", "other-pw").status_code == 302


def test_the_lock_ends_after_fifteen_minutes(client, editor):
    fail(client, 5)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))

    assert attempt(client, "editor", "right-pw").status_code == 302


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_the_address_is_the_one_the_proxy_saw(client, editor):
    # The client writes the first entry itself; the proxy appends the real address.
    for forged in ("203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4", "203.0.113.5"):
        attempt(
            client,
            "editor",
            "wrong",
            address="10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"{forged}, 192.0.2.99",
        )

    locked = attempt(
        client, "editor", "right-pw", address="10.0.0.2", HTTP_X_FORWARDED_FOR="192.0.2.99"
    )

    assert locked.status_code == 429
    assert AccessAttempt.objects.get().ip_address == "192.0.2.99"


def test_a_superuser_unlocks_the_account_from_the_admin(client, editor):
    fail(client, 5)
    root = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    admin = client.__class__()
    admin.force_login(root)
    lock = AccessAttempt.objects.get()

    listing = admin.get(reverse("lockouts:index"))
    confirm = admin.get(reverse("lockouts:delete", args=[lock.pk]))
    unlocked = admin.post(reverse("lockouts:delete", args=[lock.pk]))

    assert listing.status_code == 200
    assert "editor" in listing.content.decode() and "192.0.2.10" in listing.content.decode()
    assert "Deblokkeren" in listing.content.decode()  # "Unlock", in the admin's Dutch
    assert confirm.status_code == 200
    assert unlocked.status_code == 302
    assert not AccessAttempt.objects.exists()
    assert attempt(client, "editor", "right-pw").status_code == 302


def test_only_superusers_see_the_lockouts(client, editor):
    fail(client, 5)
    client.force_login(editor)

    assert client.get(reverse("lockouts:index")).status_code in (302, 403)
    assert client.post(
        reverse("lockouts:delete", args=[AccessAttempt.objects.get().pk])
    ).status_code in (302, 403)
    assert AccessAttempt.objects.exists()

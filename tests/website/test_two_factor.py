"""Staff in the 2FA groups pass a second factor after the password before any admin view.

These tests sign in through the real login form (``client.post``), not ``force_login``,
which the suite's conftest turns into an already verified session.
"""

import re
import runpy
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import override_settings
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from forms.models import FormSubmission
from tests.forms.factories import InboxFactory
from tests.forms.samples import pdf_bytes, upload
from tests.twofactor import totp_code, totp_device

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


@pytest.fixture
def inbox(db):
    return InboxFactory(name="Applications", group__name="Recruitment")


@pytest.fixture
def submission(client, contact_page, valid_data):  # noqa: F811
    client.post(contact_page.url, {**valid_data, "attachment": upload("cv.pdf", pdf_bytes())})
    client.logout()
    return FormSubmission.objects.get(page=contact_page)


def make_staff(username, *, group=None, superuser=False):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", "pw", is_superuser=superuser
    )
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    if group:
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


def sign_in(client, user, password="pw"):
    response = client.post(LOGIN, {"username": user.username, "password": password})
    assert response.status_code == 302, "the password was refused"
    return response


def admin_urls(submission):
    return [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore_root"),
        reverse("forms_inboxes:index"),
        reverse("forms_inboxes:submission", args=[submission.pk]),
        reverse("forms_inboxes:download", args=[submission.attachments.get().pk]),
        "/django-admin/",
    ]


def test_recruitment_member_with_a_password_alone_reaches_no_admin_view_and_no_file(
    client, submission
):
    recruiter = make_staff("recruiter", group="Recruitment")
    sign_in(client, recruiter)

    for url in admin_urls(submission):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("two_factor:enrol")), url
        assert b"%PDF" not in b"".join(getattr(response, "streaming_content", [response.content]))


def test_enrolment_shows_a_qr_code_then_recovery_codes_once_then_the_admin_opens(
    client, submission
):
    recruiter = make_staff("recruiter", group="Recruitment")
    sign_in(client, recruiter)
    download = reverse("forms_inboxes:download", args=[submission.attachments.get().pk])

    page = client.get(client.get(download)["Location"])
    qr = client.get(reverse("two_factor:qr"))
    device = TOTPDevice.objects.get(user=recruiter, confirmed=False)
    wrong = client.post(reverse("two_factor:enrol"), {"code": "000000", "next": download})
    confirmed_by_a_wrong_code = TOTPDevice.objects.filter(confirmed=True).exists()
    done = client.post(reverse("two_factor:enrol"), {"code": totp_code(device), "next": download})
    codes_page = client.get(done["Location"])
    codes_again = client.get(done["Location"])
    file = client.get(download)

    assert page.status_code == 200
    assert b"<script>" not in page.content and b"style=" not in page.content
    assert qr.status_code == 200 and qr["Content-Type"] == "image/svg+xml"
    assert qr.content.lstrip().startswith(b"<svg") and "no-store" in qr["Cache-Control"]
    assert wrong.status_code == 200 and not confirmed_by_a_wrong_code
    assert done["Location"].startswith(reverse("two_factor:recovery_codes"))
    codes = set(StaticToken.objects.filter(device__user=recruiter).values_list("token", flat=True))
    assert len(codes) == 10
    assert codes <= set(re.findall(r"<code>(\w+)</code>", codes_page.content.decode()))
    assert codes_again.status_code == 302  # shown once
    assert file.status_code == 200
    assert b"".join(file.streaming_content) == pdf_bytes()


def test_member_with_a_device_types_the_current_code_and_a_wrong_one_is_refused(client, submission):
    recruiter = make_staff("recruiter", group="Recruitment")
    device = totp_device(recruiter)
    sign_in(client, recruiter)

    asked = client.get(reverse("wagtailadmin_home"))
    enrol = client.get(reverse("two_factor:enrol"))
    wrong = client.post(reverse("two_factor:verify"), {"code": "123456"})
    still_refused = client.get(reverse("forms_inboxes:index"))
    right = client.post(
        reverse("two_factor:verify"), {"code": totp_code(device), "next": "/admin/inboxes/"}
    )
    inboxes = client.get(reverse("forms_inboxes:index"))

    assert asked["Location"].startswith(reverse("two_factor:verify"))
    # Holding the password alone, nobody can add a factor of their own.
    assert enrol["Location"].startswith(reverse("two_factor:verify"))
    assert wrong.status_code == 200 and wrong.context["form"].non_field_errors()
    assert still_refused.status_code == 302
    assert right["Location"] == "/admin/inboxes/"
    assert inboxes.status_code == 200


def test_a_recovery_code_signs_in_once(client, submission):
    secretary = make_staff("secretary", group="Secretariat")
    totp_device(secretary)
    from website.security.twofactor.services import recovery_codes_create

    code = recovery_codes_create(user=secretary)[0]

    sign_in(client, secretary)
    first = client.post(reverse("two_factor:verify"), {"code": code.upper()})
    client.logout()
    sign_in(client, secretary)
    second = client.post(reverse("two_factor:verify"), {"code": code})

    assert first.status_code == 302
    assert second.status_code == 200
    assert StaticToken.objects.filter(device__user=secretary).count() == 9


def test_superuser_must_pass_a_second_factor(client):
    admin = make_staff("root", superuser=True)
    sign_in(client, admin)

    assert client.get(reverse("wagtailadmin_home"))["Location"].startswith(
        reverse("two_factor:enrol")
    )


def test_editor_without_a_second_factor_works_as_before(client, home):  # noqa: F811
    editor = make_staff("editor", group="Editors")
    sign_in(client, editor)

    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert client.get(reverse("wagtailadmin_explore", args=[home.pk])).status_code == 200


def test_editor_who_chose_a_second_factor_is_asked_for_it(client):
    editor = make_staff("editor", group="Editors")
    totp_device(editor)
    sign_in(client, editor)

    assert client.get(reverse("wagtailadmin_home"))["Location"].startswith(
        reverse("two_factor:verify")
    )


@override_settings(ADMIN_2FA_ENFORCED=False)
def test_without_enforcement_a_secretariat_member_signs_in_with_the_password(client):
    secretary = make_staff("secretary", group="Secretariat")
    sign_in(client, secretary)

    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_force_login_is_a_verified_session(client):
    """The suite's conftest wrapper: existing tests keep using force_login."""
    secretary = make_staff("secretary", group="Secretariat")
    client.force_login(secretary)

    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_next_never_leaves_the_site(client):
    secretary = make_staff("secretary", group="Secretariat")
    device = totp_device(secretary)
    sign_in(client, secretary)

    response = client.post(
        reverse("two_factor:verify"),
        {"code": totp_code(device), "next": "https://evil.example/"},
    )

    assert response["Location"] == reverse("wagtailadmin_home")


def test_a_script_request_while_unverified_is_refused_not_redirected(client):
    secretary = make_staff("secretary", group="Secretariat")
    totp_device(secretary)
    sign_in(client, secretary)

    fetched = client.get(reverse("wagtailadmin_home"), headers={"Sec-Fetch-Mode": "cors"})
    sprite = client.get(reverse("wagtailadmin_sprite"))

    assert fetched.status_code == 403
    assert sprite.status_code == 200  # the verification screen's own icons


def test_an_editor_may_set_up_a_second_factor_from_the_account_page(client):
    editor = make_staff("editor", group="Editors")
    sign_in(client, editor)

    account = client.get(reverse("wagtailadmin_account"))
    enrol = client.get(reverse("two_factor:enrol"))
    done = client.post(
        reverse("two_factor:enrol"),
        {"code": totp_code(TOTPDevice.objects.get(user=editor))},
    )
    account_after = client.get(reverse("wagtailadmin_account"))

    assert reverse("two_factor:enrol") in account.content.decode()
    assert enrol.status_code == 200
    assert done["Location"].startswith(reverse("two_factor:recovery_codes"))
    assert reverse("two_factor:enrol") not in account_after.content.decode()


def test_after_a_passkey_is_registered_recovery_codes_are_made_once(client):
    """The enrolment page's script goes here once django-otp-webauthn registered a passkey
    (which also verifies the session); a browser cannot register one over plain http."""
    secretary = make_staff("secretary", group="Secretariat")
    client.force_login(secretary)

    first = client.get(reverse("two_factor:passkey_done"))
    second = client.get(reverse("two_factor:passkey_done"))

    assert first["Location"].startswith(reverse("two_factor:recovery_codes"))
    assert StaticToken.objects.filter(device__user=secretary).count() == 10
    assert second["Location"] == reverse("wagtailadmin_home")


def test_passkey_endpoints_answer_during_verification(client):
    secretary = make_staff("secretary", group="Secretariat")
    totp_device(secretary)
    sign_in(client, secretary)

    begin = client.post(reverse("otp_webauthn:credential-authentication-begin"))

    # No passkey yet: the library answers in JSON, not with a redirect to verification.
    assert begin.status_code != 302
    assert begin["Content-Type"].startswith("application/json")


def test_the_second_factors_default_groups_follow_the_plugins_group_settings(monkeypatch):
    """A site that renames the plugins' groups keeps them behind the second factor."""
    monkeypatch.delenv("ADMIN_2FA_GROUPS", raising=False)
    monkeypatch.setenv("PRIVACY_OFFICERS_GROUP", "Data protection")
    monkeypatch.setenv("CAREERS_RECRUITMENT_GROUP", "HR")
    monkeypatch.setenv("EVENTS_GROUP", "Organisers")

    values = runpy.run_path(str(Path(settings.BASE_DIR) / "website" / "settings" / "base.py"))

    assert values["EVENTS_GROUP"] == "Organisers"
    assert set(values["ADMIN_2FA_GROUPS"]) == {"Secretariat", "HR", "Organisers", "Data protection"}

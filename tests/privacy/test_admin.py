import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.urls import reverse

from privacy.demo import OFFICER_PERMISSIONS, OFFICERS_GROUP
from privacy.models import DeletionLog
from tests.privacy.factories import ConsentRecordFactory, PurposeFactory


def _user(django_user_model, username, *, group=None, superuser=False):
    user = django_user_model.objects.create_user(
        username, f"{username}@example.org", "pw", is_superuser=superuser
    )
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    if group:
        user.groups.add(group)
    return user


@pytest.fixture
def officers(db):
    group, _ = Group.objects.get_or_create(name=OFFICERS_GROUP)
    for app_label, codename in OFFICER_PERMISSIONS:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return group


@pytest.fixture
def officer(django_user_model, officers, client):
    client.force_login(_user(django_user_model, "officer", group=officers))
    return client


@pytest.fixture
def editor(django_user_model, client):
    client.force_login(_user(django_user_model, "editor"))
    return client


@pytest.fixture
def record(db):
    return ConsentRecordFactory(subject_email="ann@example.org", purpose__key="newsletter")


@pytest.fixture
def log_entry(db):
    return DeletionLog.objects.create(
        run_id="7c1d1f6e-1111-4b5e-9d1c-000000000001",
        model="forms.FormSubmission",
        purpose_key="job-application",
        count=4,
        reason="retention",
    )


@pytest.mark.django_db
def test_migrations_create_the_privacy_officers_group_with_its_permissions():
    group = Group.objects.get(name=OFFICERS_GROUP)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"view_consentrecord", "view_deletionlog", "access_admin"} <= codenames
    assert "delete_purpose" not in codenames


def test_officers_see_the_consent_ledger_and_inspect_a_record(officer, record):
    index = officer.get(reverse("consent_ledger:index"))
    assert index.status_code == 200
    assert "ann@example.org" in index.content.decode()

    detail = officer.get(reverse("consent_ledger:inspect", args=[record.pk]))
    assert detail.status_code == 200
    assert record.text_shown in detail.content.decode()


def test_officers_can_filter_the_ledger(officer, record):
    ConsentRecordFactory(subject_email="bob@example.org", purpose__key="photos")
    response = officer.get(reverse("consent_ledger:index"), {"purpose_key": "photos"})
    assert "bob@example.org" in response.content.decode()
    assert "ann@example.org" not in response.content.decode()


def test_officers_see_the_deletion_log(officer, log_entry):
    response = officer.get(reverse("deletion_log:index"))
    assert response.status_code == 200
    assert "forms.FormSubmission" in response.content.decode()


def test_others_are_refused_and_see_no_menu_item(editor, record, log_entry):
    for url in (
        reverse("consent_ledger:index"),
        reverse("consent_ledger:inspect", args=[record.pk]),
        reverse("deletion_log:index"),
    ):
        response = editor.get(url)
        assert response.status_code == 403
        assert record.subject_email not in response.content.decode()
        assert record.purpose_key not in response.content.decode()
        assert log_entry.purpose_key not in response.content.decode()
    dashboard = editor.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("consent_ledger:index") not in dashboard
    assert reverse("deletion_log:index") not in dashboard


def test_officers_get_the_menu_items(officer):
    dashboard = officer.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("consent_ledger:index") in dashboard
    assert reverse("deletion_log:index") in dashboard


@pytest.mark.parametrize("superuser", [False, True])
def test_nobody_can_add_change_or_delete_evidence(
    django_user_model, officers, client, record, log_entry, superuser
):
    client.force_login(_user(django_user_model, "u", group=officers, superuser=superuser))
    for url in (
        reverse("consent_ledger:add"),
        reverse("consent_ledger:edit", args=[record.pk]),
        reverse("consent_ledger:delete", args=[record.pk]),
        reverse("deletion_log:edit", args=[log_entry.pk]),
        reverse("deletion_log:delete", args=[log_entry.pk]),
    ):
        assert client.get(url).status_code == 403, url
        assert client.post(url, {}).status_code == 403, url
    record.refresh_from_db()
    log_entry.refresh_from_db()
    assert (record.subject_email, record.withdrawn_at) == ("ann@example.org", None)
    assert log_entry.count == 4
    record.refresh_from_db()
    assert DeletionLog.objects.filter(pk=log_entry.pk).exists()


def test_officers_edit_purposes_as_translatable_snippets(officer, locales):
    purpose = PurposeFactory(key="newsletter", locale=locales["nl"])
    edit = officer.get(reverse("wagtailsnippets_privacy_purpose:edit", args=[purpose.pk]))
    assert edit.status_code == 200
    response = officer.get(reverse("wagtailsnippets_privacy_purpose:list"))
    translate = reverse(
        "wagtail_localize:submit_snippet_translation", args=["privacy", "purpose", purpose.pk]
    )
    assert translate in response.content.decode()
    assert officer.get(translate).status_code == 200
    history = officer.get(reverse("wagtailsnippets_privacy_purpose:history", args=[purpose.pk]))
    assert history.status_code == 200


def test_a_purpose_with_consent_proofs_cannot_be_deleted(django_user_model, client, record):
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)
    purpose = record.purpose
    url = reverse(purpose.snippet_viewset.get_url_name("delete"), args=[purpose.pk])

    response = client.post(url)

    assert response.status_code == 302
    assert response.url == reverse(purpose.snippet_viewset.get_url_name("list"))
    assert [m.level_tag for m in get_messages(response.wsgi_request)] == ["error"]
    assert purpose.__class__.objects.filter(pk=purpose.pk).exists()

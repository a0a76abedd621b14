"""Settings › Plone imports: superusers read the runs and their reports; nobody else does."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from plone_import.models import ImportRun

pytestmark = pytest.mark.django_db


@pytest.fixture
def run():
    return ImportRun.objects.create(
        source="kvk.json",
        export_format="collective.exportimport",
        status=ImportRun.Status.ERRORS,
        created=12,
        errors=1,
        report={"errors": [{"path": "/nl/weg/kapot", "message": "its parent was not found"}]},
    )


def test_superuser_reads_runs_and_the_report(admin_client, run):
    index = admin_client.get(reverse("plone_imports:index"))
    assert index.status_code == 200
    assert "kvk.json" in index.content.decode()
    detail = admin_client.get(reverse("plone_imports:inspect", args=[run.pk]))
    assert detail.status_code == 200
    assert "/nl/weg/kapot" in detail.content.decode()
    # Times read in the site's zone (Europe/Brussels), as in the listing.
    started = timezone.localtime(run.started_at).strftime("%H:%M")
    assert started in detail.content.decode()


def test_nobody_edits_or_adds_a_run(admin_client, run):
    assert admin_client.get(reverse("plone_imports:edit", args=[run.pk])).status_code in (302, 403)
    assert admin_client.get(reverse("plone_imports:add")).status_code in (302, 403)
    assert admin_client.post(reverse("plone_imports:delete", args=[run.pk])).status_code in (
        302,
        403,
    )
    assert ImportRun.objects.filter(pk=run.pk).exists()


def test_an_editor_does_not_see_runs(client, django_user_model, run):
    editors, _created = Group.objects.get_or_create(name="Page editors of the import test")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    user = django_user_model.objects.create_user("editor", password="x")
    user.groups.add(editors)
    client.force_login(user)
    assert client.get(reverse("plone_imports:index")).status_code in (302, 403)
    assert client.get(reverse("plone_imports:inspect", args=[run.pk])).status_code in (302, 403)

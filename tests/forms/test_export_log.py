"""Every export of personal data (an inbox, a check-in list) is logged with who and when, and
the file says to delete it after use; the logs themselves, and the file-download log, are
deleted by retention after the ``access-logs`` purpose's period."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from forms.models import FileDownloadLog, FormSubmission
from privacy.models import ExportLog, Purpose
from privacy.services import retention_enforce

pytestmark = pytest.mark.django_db


def _export(client, inbox_id, export):
    response = client.get(reverse("forms_inboxes:submissions", args=[inbox_id]), {"export": export})
    assert response.status_code == 200
    return b"".join(response.streaming_content)


@pytest.fixture
def submitted(client, contact_page, valid_data):
    client.post(contact_page.url, valid_data)
    client.logout()
    return FormSubmission.objects.get()


def test_an_inbox_export_is_logged_with_who_and_when_and_asks_to_be_deleted(
    client, secretary, contact_page, submitted
):
    client.force_login(secretary)
    before = timezone.now()

    body = _export(client, contact_page.inbox_id, "csv")

    entry = ExportLog.objects.get()
    assert (entry.user, entry.username, entry.format) == (secretary, "secretary", "csv")
    assert entry.exported_at >= before
    assert entry.what == f"{contact_page.inbox.name} (inbox-{contact_page.inbox_id})"
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[-2] == []
    assert "wis dit bestand na gebruik" in rows[-1][0]
    assert "secretary" in rows[-1][0]
    # The people are still all there, one row each, between the heading and the notice.
    assert len(rows) == 1 + 1 + 2


def test_an_xlsx_export_is_logged_and_ends_on_the_delete_after_use_line(
    client, secretary, contact_page, submitted
):
    client.force_login(secretary)

    body = _export(client, contact_page.inbox_id, "xlsx")

    assert ExportLog.objects.get().format == "xlsx"
    rows = list(openpyxl.load_workbook(io.BytesIO(body)).active.iter_rows(values_only=True))
    assert "wis dit bestand na gebruik" in rows[-1][0]


def test_export_and_download_logs_go_after_the_access_logs_period(secretary, submitted):
    call_command("load_default_purposes", stdout=io.StringIO())
    assert Purpose.objects.filter(key="access-logs").first().retention_period == 1
    now = timezone.now()
    old, recent = now - datetime.timedelta(days=400), now - datetime.timedelta(days=300)
    for moment in (old, recent):
        ExportLog.objects.create(
            username="secretary", what="inbox", format="csv", exported_at=moment
        )
        FileDownloadLog.objects.create(
            username="secretary", file_pk=1, submission_pk=submitted.pk, downloaded_at=moment
        )

    retention_enforce()

    assert list(ExportLog.objects.values_list("exported_at", flat=True)) == [recent]
    assert list(FileDownloadLog.objects.values_list("downloaded_at", flat=True)) == [recent]

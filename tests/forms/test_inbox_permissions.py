"""Only the inbox's group (and superusers) read submissions and files; editors do not.

Every refusal is checked for what it withholds: no inbox name, no answer, no address, no
file, no download logged, nothing marked handled.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission

from forms.models import FileDownloadLog, FormSubmission
from tests.forms.factories import InboxFactory
from tests.forms.samples import pdf_bytes, upload

pytestmark = pytest.mark.django_db

SECRETS = ("Contact requests", "Jan Peeters", "jan.peeters@example.org", "netwerkavond", "cv.pdf")


@pytest.fixture
def submission(client, contact_page, valid_data):
    client.post(contact_page.url, {**valid_data, "attachment": upload("cv.pdf", pdf_bytes())})
    client.logout()
    return FormSubmission.objects.filter(page=contact_page).get()


@pytest.fixture
def editor(make_user, contact_page):
    """Can edit and publish the form page, is in no inbox group."""
    group = Group.objects.create(name="Page editors")
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=contact_page, permission=Permission.objects.get(codename=codename)
        )
    return make_user("editor", groups=[group])


def assert_refused(client, response):
    """Wagtail's admin answers PermissionDenied by sending the user back to the dashboard,
    and neither the answer nor the page it leads to names anything of the inbox."""
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    landing = client.get(response["Location"]).content.decode()
    body = response.content.decode()
    for secret in SECRETS:
        assert secret not in body
        assert secret not in landing


def _urls(submission):
    attachment = submission.attachments.get()
    listing = reverse("forms_inboxes:submissions", args=[submission.inbox_id])
    return {
        "submissions": listing,
        "results": reverse("forms_inboxes:submissions_results", args=[submission.inbox_id]),
        "csv": listing + "?export=csv",
        "xlsx": listing + "?export=xlsx",
        "detail": reverse("forms_inboxes:submission", args=[submission.pk]),
        "download": reverse("forms_inboxes:download", args=[attachment.pk]),
    }


def _bulk_handle_url(submission):
    return (
        reverse("wagtail_bulk_action", args=["forms", "formsubmission", "mark_handled"])
        + f"?id={submission.pk}"
    )


def test_group_member_reads_the_submission_and_downloads_its_file_logged(
    client, submission, secretary
):
    client.force_login(secretary)
    urls = _urls(submission)

    index = client.get(reverse("forms_inboxes:index"))
    listing = client.get(urls["submissions"])
    detail = client.get(urls["detail"])
    download = client.get(urls["download"])

    assert index.status_code == listing.status_code == detail.status_code == 200
    assert "Contact requests" in index.content.decode()
    assert "jan.peeters@example.org" in listing.content.decode()
    assert "Wanneer is de volgende netwerkavond?" in detail.content.decode()
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == pdf_bytes()
    assert 'filename="cv.pdf"' in download["Content-Disposition"]
    log = FileDownloadLog.objects.get()
    assert (log.user, log.file, log.submission_pk) == (
        secretary,
        submission.attachments.get(),
        submission.pk,
    )


def test_editor_of_the_form_page_is_refused_everywhere(client, submission, editor):
    client.force_login(editor)

    for url in _urls(submission).values():
        assert_refused(client, client.get(url))
    assert_refused(client, client.get(reverse("forms_inboxes:index")))
    assert_refused(client, client.post(reverse("forms_inboxes:handle", args=[submission.pk])))
    assert_refused(client, client.post(_bulk_handle_url(submission)))
    assert not FileDownloadLog.objects.exists()
    submission.refresh_from_db()
    assert submission.handled_at is None


def test_editor_can_edit_the_page_but_sees_no_inboxes_menu(
    client, submission, editor, contact_page
):
    client.force_login(editor)

    assert client.get(reverse("wagtailadmin_pages:edit", args=[contact_page.pk])).status_code == 200
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("forms_inboxes:index") not in dashboard
    assert "Jan Peeters" not in dashboard
    assert "Contact requests" not in dashboard


def test_editor_does_not_find_the_form_in_wagtails_stock_forms_menu(
    client, submission, editor, contact_page
):
    client.force_login(editor)

    forms_index = client.get(reverse("wagtailforms:index"))
    stock_list = client.get(reverse("wagtailforms:list_submissions", args=[contact_page.pk]))
    stock_csv = client.get(
        reverse("wagtailforms:list_submissions", args=[contact_page.pk]), {"export": "csv"}
    )

    assert contact_page.title not in forms_index.content.decode()
    assert_refused(client, stock_list)
    assert_refused(client, stock_csv)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("wagtailforms:index") not in dashboard


def test_superuser_still_cannot_use_the_stock_forms_listing_for_these_pages(
    client, submission, admin_user, contact_page
):
    client.force_login(admin_user)

    assert contact_page.title not in client.get(reverse("wagtailforms:index")).content.decode()
    response = client.get(reverse("wagtailforms:list_submissions", args=[contact_page.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert client.get(_urls(submission)["detail"]).status_code == 200


def test_member_of_another_inbox_group_is_refused_and_learns_nothing(client, submission, make_user):
    other = InboxFactory(name="Vacancies")
    outsider = make_user("hr", groups=[other.group])
    client.force_login(outsider)

    for url in _urls(submission).values():
        assert_refused(client, client.get(url))
    assert_refused(client, client.post(reverse("forms_inboxes:handle", args=[submission.pk])))
    bulk = client.post(_bulk_handle_url(submission))
    submission.refresh_from_db()
    assert submission.handled_at is None
    assert "Jan Peeters" not in client.get(bulk["Location"]).content.decode()
    index = client.get(reverse("forms_inboxes:index")).content.decode()
    assert "Vacancies" in index and "Contact requests" not in index
    assert not FileDownloadLog.objects.exists()


def test_an_unreadable_inbox_is_refused_exactly_like_one_that_does_not_exist(
    client, submission, make_user
):
    other = InboxFactory(name="Vacancies")
    client.force_login(make_user("hr", groups=[other.group]))
    missing = other.pk + submission.inbox_id + 100

    existing = client.get(reverse("forms_inboxes:submissions", args=[submission.inbox_id]))
    absent = client.get(reverse("forms_inboxes:submissions", args=[missing]))

    assert (existing.status_code, existing["Location"]) == (absent.status_code, absent["Location"])


def test_anonymous_visitor_is_sent_to_the_login(client, submission):
    response = client.get(_urls(submission)["download"])

    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]
    assert not FileDownloadLog.objects.exists()


def test_download_log_is_for_auditors_not_for_inbox_readers(
    client, submission, secretary, make_user
):
    auditor = make_user("auditor")
    auditor.user_permissions.add(Permission.objects.get(codename="view_filedownloadlog"))
    client.force_login(secretary)
    client.get(_urls(submission)["download"])

    refused = client.get(reverse("forms_downloads:index"))
    assert (refused.status_code, refused["Location"]) == (302, reverse("wagtailadmin_home"))
    assert reverse("forms_downloads:index") not in client.get(refused["Location"]).content.decode()
    client.force_login(auditor)
    response = client.get(reverse("forms_downloads:index"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "secretary" in html
    assert f"#{submission.pk}" in html
    # The auditor reads no inbox: the file's name (personal data) stays hidden from them.
    assert "cv.pdf" not in html

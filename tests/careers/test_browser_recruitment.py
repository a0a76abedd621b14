"""In chromium: an applicant applies with a PDF, HR moves the application on and opens the
CV, and an editor of the vacancy page finds nothing of it."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from careers.constants import ApplicationStatus
from careers.models import Application
from forms.models import FileDownloadLog
from tests.forms.samples import pdf_bytes
from tests.twofactor import browser_log_in
from tests.users import make_user

pytestmark = [
    pytest.mark.browser,
    # Against the live server's database, flushed after the test; fixtures rebuild the tree.
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def new_page(browser):
    contexts = []

    def open_page(locale="en-GB"):
        context = browser.new_context(locale=locale, accept_downloads=True)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def editor(vacancy):
    group, _ = Group.objects.get_or_create(name="Editors")
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.get_or_create(
            group=group, page=vacancy, permission=Permission.objects.get(codename=codename)
        )
    return make_user("editor", groups=[group])


def test_apply_then_hr_changes_the_status_and_downloads_the_cv_editor_finds_nothing(
    live_server, new_page, vacancy, recruiter, editor, tmp_path
):
    cv = tmp_path / "cv An.pdf"
    cv.write_bytes(pdf_bytes())

    applicant = new_page(locale="nl-BE")
    applicant.goto(f"{live_server.url}{vacancy.url}")
    applicant.fill("input[name=name]", "An Peeters")
    applicant.fill("input[name=email]", "an.peeters@example.org")
    applicant.set_input_files("input[name=cv]", str(cv))
    applicant.click("form.form button[type=submit]")
    applicant.wait_for_url(f"**{vacancy.url}sent/")
    application = Application.objects.get()

    hr = new_page()
    browser_log_in(hr, live_server.url, recruiter)
    hr.goto(f"{live_server.url}/admin/recruitment/")
    hr.click("a:has-text('An Peeters')")
    hr.check(f"input[name=status][value={ApplicationStatus.IN_REVIEW}]")
    hr.click("form[action$='/status/'] button[type=submit]")
    hr.wait_for_selector(".messages .success")
    assert "In review" in hr.locator("#application-history ~ table").inner_text()
    with hr.expect_download() as download_info:
        hr.click("a:has-text('cv An.pdf')")
    download = download_info.value
    assert download.suggested_filename == "cv An.pdf"
    assert Path(download.path()).read_bytes() == pdf_bytes()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.IN_REVIEW
    assert FileDownloadLog.objects.get().user == recruiter

    intruder = new_page()
    browser_log_in(intruder, live_server.url, editor)
    intruder.wait_for_selector("a[href='/admin/reports/site-history/']", state="attached")
    assert intruder.locator("a[href='/admin/recruitment/']").count() == 0
    intruder.goto(f"{live_server.url}/admin/recruitment/")
    assert intruder.url == f"{live_server.url}/admin/"
    detail = intruder.goto(f"{live_server.url}/admin/recruitment/{application.pk}/")
    assert detail.status == 404
    file_pk = application.submission.attachments.get().pk
    file = intruder.goto(f"{live_server.url}/admin/recruitment/{application.pk}/files/{file_pk}/")
    assert file.status == 404
    assert "An Peeters" not in intruder.content()
    assert "cv An.pdf" not in intruder.content()
    assert FileDownloadLog.objects.count() == 1

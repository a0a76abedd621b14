"""In chromium: a visitor sends the contact form, the Secretariat reads it, an editor cannot."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from forms.models import FormSubmission
from tests.forms.samples import pdf_bytes
from tests.twofactor import browser_log_in

pytestmark = [
    pytest.mark.browser,
    # Run on their own (``pytest -m browser``) against the live server's database, which
    # is flushed after each test rather than rolled back; fixtures rebuild what they need.
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def new_page(browser):
    contexts = []

    def open_page(locale="en-GB"):
        context = browser.new_context(locale=locale)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def editor(make_user, home):
    """Someone who may edit every page, the contact form included, but reads no inbox."""
    group, _ = Group.objects.get_or_create(name="Page editors")
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.get_or_create(
            group=group, page=home, permission=Permission.objects.get(codename=codename)
        )
    return make_user("editor", groups=[group])


def log_in(page, live_server, username):
    """Password, then the second factor when the user's group must pass one."""
    browser_log_in(page, live_server.url, get_user_model().objects.get(username=username))


def refused(response, live_server):
    """A 403, or Wagtail's way: back to the dashboard, saying so."""
    return response.status == 403 or response.url == f"{live_server.url}/admin/"


def test_visitor_sends_the_form_secretariat_reads_it_editor_is_refused(
    live_server, new_page, contact_page, secretary, editor, tmp_path
):
    attachment = tmp_path / "offerte.pdf"
    attachment.write_bytes(pdf_bytes())

    visitor = new_page(locale="nl-BE")
    visitor.goto(f"{live_server.url}{contact_page.url}")
    consent = visitor.locator("input[name=consent_newsletter]")
    assert not consent.is_checked()
    # Answering the request is a legitimate interest: a notice to read, no box to tick.
    assert visitor.locator("input[name=consent_answer]").count() == 0
    assert "Gerechtvaardigd belang" in visitor.locator("#notice-answer-request").inner_text()
    visitor.fill("input[name=name]", "Jan Peeters")
    visitor.fill("input[name=email]", "jan.peeters@example.org")
    visitor.fill("textarea[name=question]", "Wanneer is de volgende <b>netwerkavond</b>?")
    visitor.set_input_files("input[name=attachment]", str(attachment))
    consent.check()
    visitor.click("form.form button[type=submit]")
    visitor.wait_for_selector("[role=status]")
    assert visitor.locator("h1").inner_text() == contact_page.title

    submission = FormSubmission.objects.get()
    assert submission.attachments.count() == 1

    reader = new_page()
    log_in(reader, live_server, secretary.username)
    # The Inboxes menu lists the inboxes; the dashboard leads straight to the open ones.
    reader.wait_for_selector("a[href='/admin/inboxes/']", state="attached")
    reader.click("#forms-inboxes-section a:has-text('Contact requests')")
    reader.click(f"a[href$='/inboxes/submissions/{submission.pk}/']")
    body = reader.locator("main").inner_text()
    assert "Jan Peeters" in body
    assert "Wanneer is de volgende <b>netwerkavond</b>?" in body  # shown as text, not markup
    assert "offerte.pdf" in body

    intruder = new_page()
    log_in(intruder, live_server, editor.username)
    # The sidebar menu is drawn by script; wait until it lists the reports, then look.
    intruder.wait_for_selector("a[href='/admin/reports/site-history/']", state="attached")
    assert intruder.locator("a[href='/admin/inboxes/']").count() == 0
    response = intruder.goto(f"{live_server.url}/admin/inboxes/submissions/{submission.pk}/")
    assert refused(response, live_server)
    assert "Jan Peeters" not in intruder.content()
    intruder.goto(f"{live_server.url}/admin/forms/")
    assert contact_page.title not in intruder.locator("main").inner_text()
    response = intruder.goto(f"{live_server.url}/admin/forms/submissions/{contact_page.pk}/")
    assert refused(response, live_server)
    assert "Jan Peeters" not in intruder.content()

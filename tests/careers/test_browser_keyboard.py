"""In chromium, by keyboard alone: an applicant opens a vacancy, jumps to the form with the
Apply button, fills it, attaches a CV and sends it. No click, no programmatic fill."""

import pytest

from careers.models import Application
from tests.forms.samples import pdf_bytes

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def _tab_to(page, selector: str, limit: int = 60) -> None:
    """Press Tab until the element ``selector`` has the focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} never got the focus by Tab")


def test_applying_by_keyboard_alone(live_server, browser, vacancy, tmp_path):
    cv = tmp_path / "cv.pdf"
    cv.write_bytes(pdf_bytes())
    context = browser.new_context(locale="nl-BE", viewport={"width": 390, "height": 844})
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto(f"{live_server.url}{vacancy.url}")

    # The cookie banner comes first; refuse all, by keyboard.
    _tab_to(page, "button[data-cookie-button=refuse_all]")
    page.keyboard.press("Enter")
    page.wait_for_selector(".cookie-banner", state="hidden")

    _tab_to(page, "a[href='#apply-heading']")
    page.keyboard.press("Enter")
    assert page.url.endswith("#apply-heading")

    _tab_to(page, "input[name=name]")
    page.keyboard.type("An Peeters")
    _tab_to(page, "input[name=email]")
    page.keyboard.type("an.peeters@example.org")
    # Playwright asks the browser to hand it the file dialog without waiting for the answer;
    # waiting from before the Tabs gives that request time to arrive before Space opens the
    # dialog, which otherwise opens unseen now and then and the wait times out.
    with page.expect_file_chooser() as chooser:
        _tab_to(page, "input[name=cv]")
        page.keyboard.press("Space")
    chooser.value.set_files(str(cv))
    _tab_to(page, "form.form button[type=submit]")
    page.keyboard.press("Enter")

    page.wait_for_url(f"**{vacancy.url}sent/")
    application = Application.objects.get()
    assert application.submission.attachments.count() == 1
    context.close()

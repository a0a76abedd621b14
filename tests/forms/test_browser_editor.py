"""In chromium: the page editor shows each form field's own options, headed by its label."""

import pytest

from tests.twofactor import browser_log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def editor_page(browser, live_server, contact_page, make_user):
    boss = make_user("boss", superuser=True)
    context = browser.new_context(locale="en-GB")
    context.set_default_timeout(15_000)
    page = context.new_page()
    browser_log_in(page, live_server.url, boss)
    page.goto(f"{live_server.url}/admin/pages/{contact_page.pk}/edit/")
    yield page
    # The editor polls the server in the background; leave it before the database goes.
    page.goto("about:blank")
    context.close()


def _child(page, key):
    """The inline panel of the field saved with ``key``."""
    index = page.evaluate(
        """key => [...document.querySelectorAll('input[name$="-key"]')]
            .find(input => input.value === key).name.split('-')[1]""",
        key,
    )
    return page.locator(f"#inline_child_form_fields-{index}")


def _shown_options(child):
    return {
        option.get_attribute("data-form-field-option")
        for option in child.locator("[data-form-field-option]").all()
        if option.is_visible()
    }


def test_each_field_type_shows_only_its_own_options(editor_page):
    assert _shown_options(_child(editor_page, "name")) == {"default"}
    assert _shown_options(_child(editor_page, "email")) == {"default", "subject"}
    assert _shown_options(_child(editor_page, "attachment")) == {"file"}
    assert _shown_options(_child(editor_page, "consent_newsletter")) == {"purpose"}


def test_changing_the_type_shows_the_options_of_the_new_type(editor_page):
    child = _child(editor_page, "name")

    child.locator('select[name$="-field_type"]').select_option("dropdown")

    assert _shown_options(child) == {"choices", "default"}


def test_collapsed_panels_are_headed_by_the_fields_label(editor_page):
    child = _child(editor_page, "question")
    heading = child.locator("[data-panel-heading-text]").first

    assert heading.inner_text().startswith("Vraag")
    assert "Form fields" not in heading.inner_text()
    child.locator('input[name$="-label"]').fill("Uw vraag")
    assert heading.inner_text().startswith("Uw vraag")

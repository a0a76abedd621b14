"""In chromium: a new form page whose publication failed is not saved behind the editor's
back, and the next save creates it once, with every field."""

import pytest

from forms.models import FormPage
from tests.twofactor import browser_log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def creator(browser, live_server, home, inbox, answer_purpose, make_user):
    inbox.purpose = answer_purpose
    inbox.save()
    boss = make_user("boss", superuser=True)
    context = browser.new_context(locale="en-GB")
    context.set_default_timeout(15_000)
    page = context.new_page()
    browser_log_in(page, live_server.url, boss)
    page.goto(f"{live_server.url}/admin/pages/add/forms/formpage/{home.pk}/")
    page.home, page.inbox = home, inbox
    yield page
    # The editor polls the server in the background; leave it before the database goes.
    page.goto("about:blank")
    context.close()


def _add_field(page, index, label, field_type):
    page.click("#id_form_fields-ADD")
    child = page.locator(f"#inline_child_form_fields-{index}")
    child.locator('input[name$="-label"]').fill(label)
    child.locator('select[name$="-field_type"]').select_option(field_type)
    return child


def _publish(page):
    # The publish action sits in the footer's menu; the button submits the form as it is.
    with page.expect_navigation():
        page.evaluate("document.querySelector('button[name=action-publish]').click()")


def _autosave_failed_publish(creator):
    creator.fill("#id_title", "Vraag")
    creator.select_option("#id_inbox", str(creator.inbox.pk))
    email = _add_field(creator, 0, "E-mail", "email")
    email.locator('input[name$="-is_subject_email"]').check()
    # The question's label is left empty: required to publish, not to keep a draft.
    question = _add_field(creator, 1, "", "multiline")
    _publish(creator)
    assert creator.locator(".error-message, .w-field__errors").count() > 0
    assert "/admin/pages/add/" in creator.url
    # The editor goes on typing; autosave runs on changes, every half second by default.
    creator.locator('#inline_child_form_fields-1 input[name$="-label"]').fill("Uw vraag")
    creator.locator('#inline_child_form_fields-0 input[name$="-help_text"]').fill("Werkadres")
    creator.wait_for_timeout(3000)
    created_meanwhile = FormPage.objects.filter(slug="vraag", locale=creator.home.locale).count()
    _publish(creator)
    return created_meanwhile, question


def test_a_failed_publication_is_not_saved_in_the_background_and_publishes_once(creator):
    created_meanwhile, _question = _autosave_failed_publish(creator)

    assert created_meanwhile == 0
    assert "slug" not in creator.locator("body").inner_text().lower()
    [page] = FormPage.objects.filter(slug="vraag", locale=creator.home.locale)
    assert page.live
    assert [(f.label, f.field_type) for f in page.form_fields.order_by("sort_order")] == [
        ("E-mail", "email"),
        ("Uw vraag", "multiline"),
        ("Antwoord op uw vraag", "purpose"),
    ]

"""In chromium, on a narrow screen: a consent box keeps its size when its label wraps."""

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_checkbox_with_a_wrapping_label_keeps_its_size(browser, live_server, contact_page):
    field = contact_page.form_fields.get(key="consent_newsletter")
    field.purpose.consent_text = "Stuur mij de nieuwsbrief. " * 12
    field.purpose.save()
    context = browser.new_context(viewport={"width": 320, "height": 800})
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}{contact_page.url}")
        label = page.locator("label[for=id_consent_newsletter]").bounding_box()
        wrapped = page.locator("#id_consent_newsletter").bounding_box()
    finally:
        context.close()

    assert label["height"] > 3 * wrapped["height"]  # the label does wrap
    # A squeezed box loses width but not height: it stays square at its full size.
    assert wrapped["width"] == wrapped["height"]
    assert wrapped["width"] >= 16

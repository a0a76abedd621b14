"""In chromium: register (the dietary question opens with its box), confirm your address on
the participant list your link opens, see yourself on it, object through your link, and
disappear from it."""

import re

import pytest
from django.core import mail

from tests.website.test_csp_browser import REPORT_VIOLATIONS

pytestmark = [
    pytest.mark.browser,
    # Against the live server's database, flushed after each test; fixtures rebuild it.
    pytest.mark.django_db(transaction=True),
]


def test_register_appear_on_the_list_object_through_the_link_and_disappear(
    browser, live_server, event
):
    context = browser.new_context(locale="nl-BE")
    context.set_default_timeout(15_000)
    violations = []
    context.add_init_script(REPORT_VIOLATIONS)
    page = context.new_page()
    page.on("console", lambda m: "securitypolicyviolation" in m.text and violations.append(m.text))
    try:
        page.goto(f"{live_server.url}{event.url}")
        page.fill("#id_first_name", "Griet")
        page.fill("#id_last_name", "Janssens")
        page.fill("#id_function", "Bestuurder")
        page.fill("#id_company", "Janssens BV")
        page.fill("#id_email", "griet@example.org")
        assert not page.locator("#id_needs").is_visible()
        page.check("#id_needs_consent")
        page.fill("#id_needs", "Vegetarisch")
        page.click(".event__registration button[type=submit]")
        page.wait_for_load_state("domcontentloaded")

        (confirmation,) = [m for m in mail.outbox if m.to == ["griet@example.org"]]
        listing = re.search(
            r"https?://\S+/my-registration/[^/\s]+/participants/", confirmation.body
        )
        page.goto(live_server.url + re.sub(r"^https?://[^/]+", "", listing.group(0)))
        assert "Griet" not in page.locator(".participant-list").inner_text()
        page.click(".participant-list form button[type=submit]")
        page.wait_for_selector("[role=status]")
        participants = page.locator(".participants")
        assert "Griet Janssens" in participants.inner_text()
        assert "Bestuurder" in participants.inner_text()
        token = listing.group(0).split("/my-registration/")[1].split("/")[0]

        choices = re.search(r"https?://\S+/my-registration/[^/\s]+/(?=\s)", confirmation.body)
        page.goto(live_server.url + re.sub(r"^https?://[^/]+", "", choices.group(0)))
        page.check("#id_hidden_from_list")
        page.click("form:has(#id_hidden_from_list) button[type=submit]")
        page.wait_for_selector("[role=status]")

        answer = page.request.get(
            f"{live_server.url}/api/events/{event.pk}/participants",
            headers={"Authorization": f"Bearer {token}"},
        )
        assert answer.json()["participants"] == []
    finally:
        context.close()
    assert violations == []


def test_on_a_phone_each_fact_keeps_the_whole_width_under_its_label(browser, live_server, event):
    context = browser.new_context(locale="nl-BE", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{live_server.url}{event.url}")
    facts = page.locator(".event__facts")
    width = facts.bounding_box()["width"]
    labels, values = facts.locator("dt"), facts.locator("dd")
    assert values.count() >= 3
    for n in range(values.count()):
        label, value = labels.nth(n).bounding_box(), values.nth(n).bounding_box()
        # Under its label, as wide as the column: nothing squeezes the address or the date.
        assert value["y"] >= label["y"] + label["height"] - 1
        assert value["width"] >= width - 1
    page.set_viewport_size({"width": 1280, "height": 900})
    first_label, first_value = labels.first.bounding_box(), values.first.bounding_box()
    assert first_value["x"] > first_label["x"]  # beside it where there is room
    context.close()

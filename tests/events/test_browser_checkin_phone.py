"""On a phone the check-in list scrolls sideways in its own box: Company and Photos, the last
columns, can be reached, where the page used to end after Function; printed, the whole table
shows."""

import pytest
from django.urls import reverse

from tests.events.factories import person
from tests.users import make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_an_organiser_on_a_phone_reaches_the_company_and_photos_columns(
    live_server, phone_admin, events_group, event, register
):
    register(event, person(1, company="Voorbeeld Internationale Handelsonderneming BV"))
    page = phone_admin(make_user("organiser", groups=[events_group]))
    width = page.viewport_size["width"]
    page.goto(live_server.url + reverse("events_registrations:checkin", args=[event.pk]))
    page.wait_for_selector(".checkin__table")

    box = page.locator(".checkin__table").locator("xpath=..")
    box.evaluate("box => { box.scrollLeft = box.scrollWidth; }")
    last_header = page.locator(".checkin__table thead th").last.bounding_box()
    company = page.locator(".checkin__table tbody td", has_text="Voorbeeld").bounding_box()
    page_width = page.evaluate("() => document.documentElement.scrollWidth")
    page.emulate_media(media="print")
    printed_overflow = box.evaluate("box => getComputedStyle(box).overflowX")
    printed_actions = page.locator(".checkin__actions").is_visible()

    # The table's own box scrolls, not the page: the header and actions stay in view.
    assert page_width <= width
    assert last_header["x"] >= 0
    assert last_header["x"] + last_header["width"] <= width + 1
    assert company["x"] + company["width"] <= width + 1
    # On paper nothing scrolls: the whole table prints, without the buttons.
    assert printed_overflow == "visible"
    assert not printed_actions

"""On a phone the applications listing scrolls sideways in its own box: every column can be
reached and a name stays whole, where the admin's main area used to cut the table off."""

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_a_recruiter_on_a_phone_reaches_the_last_column_and_reads_whole_names(
    live_server, phone_admin, apply, vacancy, recruiter
):
    apply(vacancy, name="Jan Janssens")
    page = phone_admin(recruiter)
    width = page.viewport_size["width"]
    page.goto(f"{live_server.url}/admin/recruitment/")
    page.wait_for_selector("main table")

    box = page.locator("main table").locator("xpath=..")
    box.evaluate("box => { box.scrollLeft = box.scrollWidth; }")
    last_header = page.locator("main table thead th").last.bounding_box()
    name = page.locator("main table tbody td a", has_text="Jan").first
    # One rectangle per line the name takes.
    lines = name.evaluate(
        "a => { const range = document.createRange(); range.selectNodeContents(a);"
        " return new Set(Array.from(range.getClientRects()).map(r => Math.round(r.top))).size; }"
    )

    assert last_header["x"] + last_header["width"] <= width + 1
    # "Jan Janssens" may take two lines, one word each, never a word cut in two.
    assert lines <= 2

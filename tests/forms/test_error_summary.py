"""The summary above an invalid form: announced, focused, and a link to each field at fault."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def _summary(response):
    return BeautifulSoup(response.content, "html.parser").find(id="form-errors")


def test_summary_links_to_each_field_that_needs_attention(client, contact_page, valid_data):
    response = client.post(contact_page.url, {**valid_data, "name": "", "email": "not-an-address"})

    summary = _summary(response)
    links = {a["href"]: a.get_text() for a in summary.find_all("a")}
    assert links == {"#id_name": "Naam", "#id_email": "E-mail"}
    page = BeautifulSoup(response.content, "html.parser")
    for href in links:
        assert page.find(id=href[1:]) is not None


def test_summary_is_announced_and_takes_the_focus(client, contact_page, valid_data):
    response = client.post(contact_page.url, {**valid_data, "name": ""})

    summary = _summary(response)
    assert summary["role"] == "alert"
    assert summary.has_attr("autofocus") and summary["tabindex"] == "-1"


def test_a_valid_form_has_no_summary(client, contact_page):
    assert _summary(client.get(contact_page.url)) is None

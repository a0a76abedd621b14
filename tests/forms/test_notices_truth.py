"""What a form says beside its boxes and notices: how to withdraw each consent, who is
responsible, the interest pursued and the right to object, and no sensitive free text."""

import pytest
from bs4 import BeautifulSoup

from tests.privacy.policy_factories import controller_identity, policy_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def identity(locales):
    return controller_identity(locales["nl"], names=("Kamer van Koophandel Benelux vzw",))


@pytest.fixture
def page_html(client, contact_page, identity, home):
    policy_page(home)

    def get():
        return BeautifulSoup(client.get(contact_page.url).content.decode(), "html.parser")

    return get


def test_under_each_consent_box_one_line_says_how_to_withdraw_who_and_where(page_html):
    soup = page_html()

    box = soup.find("input", attrs={"name": "consent_newsletter"})
    help_text = soup.find(id=f"{box['id']}_helptext")
    text = " ".join(help_text.get_text(" ").split())
    assert "U kunt deze toestemming altijd intrekken" in text
    assert "privacy@example.org" in text
    assert "Kamer van Koophandel Benelux vzw" in text
    assert help_text.find("a")["href"].endswith("/privacy/")
    assert box["aria-describedby"].startswith(f"{box['id']}_helptext")


def test_a_legitimate_interest_notice_states_the_interest_and_the_right_to_object(
    page_html, answer_purpose
):
    answer_purpose.legitimate_interest = "Mensen die ons schrijven een antwoord geven."
    answer_purpose.save()

    notice = page_html().find(id="notice-answer-request")
    text = " ".join(notice.get_text(" ").split())
    assert "Ons gerechtvaardigd belang Mensen die ons schrijven een antwoord geven." in text
    objection = notice.find(attrs={"data-objection": True})
    assert "U kunt altijd bezwaar maken" in objection.get_text()
    assert "privacy@example.org" in objection.get_text()


def test_a_free_text_question_asks_for_no_health_or_sensitive_details(page_html):
    soup = page_html()

    question = soup.find("textarea", attrs={"name": "question"})
    help_text = soup.find(id=f"{question['id']}_helptext")
    assert "Vermeld geen gezondheidsgegevens of andere gevoelige gegevens." in help_text.get_text()


def test_the_forms_api_gives_the_same_lines(client, contact_page, identity, answer_purpose):
    answer_purpose.legitimate_interest = "Mensen die ons schrijven een antwoord geven."
    answer_purpose.save()

    data = client.get(f"/api/forms/{contact_page.pk}").json()

    purposes = {purpose["key"]: purpose for purpose in data["purposes"]}
    assert purposes["newsletter"]["withdrawal"].startswith("U kunt deze toestemming")
    assert purposes["answer-request"]["interest"] == "Mensen die ons schrijven een antwoord geven."
    assert purposes["answer-request"]["objection"].startswith("U kunt altijd bezwaar maken")
    assert purposes["answer-request"]["withdrawal"] == ""

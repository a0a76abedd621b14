"""The contact form's acknowledgement: off unless the editor switches it on; then the sender
gets what they sent, the purposes and how long each keeps it, in their language."""

import pytest
from django.core import mail

from tests.privacy.mail import assert_preference_link, html_part

pytestmark = pytest.mark.django_db


@pytest.fixture
def send(client, django_capture_on_commit_callbacks):
    def post(page, data):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(page.url, data)

    return post


def test_no_acknowledgement_unless_the_editor_switches_it_on(contact_page, valid_data, send):
    send(contact_page, valid_data)

    assert [m for m in mail.outbox if m.to == ["jan.peeters@example.org"]] == []


def test_the_acknowledgement_repeats_the_answers_with_the_purposes_and_their_periods(
    contact_page, valid_data, send
):
    contact_page.send_acknowledgement = True
    contact_page.save_revision().publish()

    response = send(contact_page, valid_data)

    assert response.status_code == 303
    [message] = [m for m in mail.outbox if m.to == ["jan.peeters@example.org"]]
    assert message.body.startswith("Beste Jan Peeters,\n")
    assert "Contact" in message.subject
    assert "Vraag: Wanneer is de volgende netwerkavond?" in message.body
    assert "Antwoord op uw vraag" in message.body and "1 jaar" in message.body
    assert "Met vriendelijke groeten," in message.body
    html = html_part(message)
    assert "<dd>Wanneer is de volgende netwerkavond?</dd>" in html
    assert_preference_link(message, language="nl")


def test_a_purpose_the_sender_refused_is_no_reason_given_in_the_acknowledgement(
    contact_page, valid_data, send
):
    contact_page.send_acknowledgement = True
    contact_page.save_revision().publish()

    send(contact_page, valid_data)  # the newsletter box left unticked

    [message] = [m for m in mail.outbox if m.to == ["jan.peeters@example.org"]]
    assert "Nieuwsbrief" not in message.body and "newsletter" not in message.body.lower()

"""The one sender every app's e-mails go through: one line of subject, text and HTML in the
recipient's language, attachments, and the preference centre for a person, not for staff."""

import logging

import pytest
from django.core import mail
from django.utils import timezone

from privacy.models import MailStatus, OutgoingMail
from privacy.services.mail import Attachment, mail_send
from tests.privacy.mail import assert_no_preference_link, assert_preference_link, html_part

pytestmark = pytest.mark.django_db

NOTICE = "privacy_testapp/email/notice"


def test_a_mail_to_a_person_is_multipart_in_their_language_with_their_preference_centre():
    sent = mail_send(
        to="ann@example.org", template=NOTICE, language="fr", context={"title": "Café & Co"}
    )

    assert sent is True
    [message] = mail.outbox
    assert message.to == ["ann@example.org"]
    assert message.subject == "Bonjour, Café & Co"
    assert message.body.startswith("Bonjour, Café & Co\n")
    html = html_part(message)
    assert '<html lang="fr">' in html
    assert "<p>Bonjour, Café &amp; Co</p>" in html
    assert_preference_link(message, language="fr")


def test_a_subject_is_one_line_whatever_its_template_holds():
    mail_send(
        to="ann@example.org", template=NOTICE, language="nl", context={"title": "a\r\nBcc: x"}
    )

    [message] = mail.outbox
    assert message.subject == "Goedendag, a Bcc: x"


def test_a_notice_to_staff_goes_to_all_of_them_without_a_preference_centre():
    mail_send(
        to=["hr@example.org", "", "dpo@example.org"],
        template=NOTICE,
        language="nl",
        context={"title": "Nieuw"},
        staff=True,
    )

    [message] = mail.outbox
    assert message.to == ["hr@example.org", "dpo@example.org"]
    assert_no_preference_link(message)


def test_a_mail_to_a_person_never_goes_to_several_addresses():
    with pytest.raises(ValueError):
        mail_send(to=["a@example.org", "b@example.org"], template=NOTICE, language="nl")

    assert mail.outbox == []


def test_no_address_sends_nothing():
    assert mail_send(to="", template=NOTICE, language="nl", context={"title": "x"}) is False
    assert mail.outbox == []


def test_attachments_travel_with_the_mail():
    calendar = Attachment("event.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")

    mail_send(
        to="ann@example.org",
        template=NOTICE,
        language="en",
        context={"title": "x"},
        attachments=[calendar],
    )

    [message] = mail.outbox
    [(filename, content, mimetype)] = message.attachments
    assert (filename, mimetype) == ("event.ics", "text/calendar")
    assert "BEGIN:VCALENDAR" in content


def test_a_refused_mail_is_logged_without_the_address_kept_and_tried_again(settings, caplog):
    settings.EMAIL_BACKEND = "tests.privacy.test_mail.RefusingBackend"

    with caplog.at_level(logging.WARNING, logger="privacy.services.mail"):
        queued = mail_send(to="ann@example.org", template=NOTICE, language="nl", context={})

    assert queued is True
    [waiting] = OutgoingMail.objects.all()
    assert (waiting.status, waiting.attempts) == (MailStatus.QUEUED, 1)
    assert waiting.next_attempt_at > timezone.now()
    assert waiting.last_error == "ConnectionRefusedError"
    assert NOTICE in caplog.text
    assert "ann@example.org" not in caplog.text


class RefusingBackend:
    def __init__(self, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


@pytest.mark.parametrize(
    ("language", "greeting"), [("nl", "Goedendag,"), ("fr", "Bonjour,"), ("en", "Hello,")]
)
def test_a_mail_without_a_name_greets_in_full_and_never_with_a_bare_beste(language, greeting):
    mail_send(
        to="ann@example.org",
        template="privacy/email/newsletter_confirm",
        language=language,
        context={"confirm_url": "https://example.org/c/", "days": 7},
    )

    [message] = mail.outbox
    assert message.body.startswith(f"{greeting}\n")
    assert "Beste," not in message.body + html_part(message)


def test_placeholders_are_filled_and_other_braces_stay_as_typed():
    from privacy.services.mail import placeholders_fill

    text = "Dear {name}, {vacancy} {unknown} {{name}}"

    assert placeholders_fill(text, {"name": "An", "vacancy": "Job"}) == (
        "Dear An, Job {unknown} {An}"
    )

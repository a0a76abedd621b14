"""The e-mails events sends: multipart like privacy's own, in the registrant's or speaker's
language, each with the recipient's preference centre."""

import pytest
from django.core import mail
from django.urls import reverse

from events.constants import EventKind
from events.models import EventPageSpeaker
from forms.models import InboxName
from tests.events.factories import SpeakerFactory, person
from tests.privacy.mail import assert_preference_link, html_part
from tests.translations import translation_with_parents
from tests.users import make_user

pytestmark = pytest.mark.django_db


def test_the_confirmation_is_multipart_with_the_calendar_and_the_preference_centre(event, register):
    register(event, person(1))

    [message] = mail.outbox
    assert_preference_link(message, language="nl")
    html = html_part(message)
    assert "Netwerkavond" in html
    assert "/nl/my-registration/" in html and "/cancel/" in html
    [(filename, content, mimetype)] = message.attachments
    assert filename.endswith(".ics") and "BEGIN:VEVENT" in content
    assert mimetype.startswith("text/calendar")


def test_the_waiting_list_mail_is_multipart_without_a_calendar(event, register):
    register(event, person(1))
    register(event, person(2))
    mail.outbox.clear()

    register(event, person(3))

    [message] = mail.outbox
    assert_preference_link(message, language="nl")
    assert message.attachments == []


def test_the_speakers_link_mail_is_multipart_and_links_the_preference_centre(
    client, make_event, register, events_group, django_capture_on_commit_callbacks
):
    training = make_event(title="Opleiding GDPR", slug="opleiding-gdpr", kind=EventKind.TRAINING)
    speaker = SpeakerFactory(name="Sofie Spreker")
    EventPageSpeaker.objects.create(page=training, speaker=speaker)
    client.force_login(make_user("organiser", groups=[events_group]))
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("events_registrations:speaker_links", args=[training.pk]),
            {"speaker": speaker.pk, "email": "sofie@example.org", "language": "fr"},
        )

    [message] = mail.outbox
    assert_preference_link(message, language="fr")
    assert "/fr/speaker-list/" in html_part(message)


@pytest.mark.parametrize("template", ["txt", "html"])
def test_the_place_keeps_street_and_postcode_apart_in_the_confirmation(event, register, template):
    register(event, person(1))

    [message] = mail.outbox
    text = message.body if template == "txt" else html_part(message)
    assert "Louizalaan 11050" not in text
    assert "Kamer van Koophandel, Louizalaan 1, 1050 Brussel" in text


def test_the_calendar_file_and_the_page_keep_street_and_postcode_apart(event, register, client):
    register(event, person(1))

    [(_, content, _)] = mail.outbox[0].attachments
    assert "LOCATION:Kamer van Koophandel\\, Louizalaan 1\\, 1050 Brussel" in content
    page = client.get(event.url).content.decode()
    assert "Kamer van Koophandel<br>Louizalaan 1<br>1050 Brussel" in page


@pytest.mark.parametrize(
    ("language", "greeting", "sign_off"),
    [
        ("nl", "Beste An1,", "Met vriendelijke groeten,"),
        ("fr", "Bonjour An1,", "Bien cordialement,"),
        ("en", "Dear An1,", "Kind regards,"),
    ],
)
def test_a_registrant_is_greeted_by_name_and_the_mail_is_signed_by_the_organisation(
    event, register, language, greeting, sign_off
):
    from privacy.selectors import controller_name

    page = event
    if language != "nl":
        page = translation_with_parents(event, _locale(language))
        page.save_revision().publish()
    register(page, person(1))

    [message] = mail.outbox
    organisation = controller_name(language)
    assert message.body.startswith(f"{greeting}\n")
    assert f"{sign_off}\n{organisation}\n\n-- " in message.body
    html = html_part(message)
    assert f"<p>{greeting}</p>" in html
    assert f"{sign_off}<br>\n{organisation}</p>" in html


def _locale(code):
    from wagtail.models import Locale

    return Locale.objects.get_or_create(language_code=code)[0]


def test_the_dutch_notice_of_a_new_registration_names_the_inbox_in_dutch(
    event, events_inbox, register
):
    events_inbox.notification_address = "evenementen@example.org"
    events_inbox.save()
    InboxName.objects.create(
        inbox=events_inbox, language="nl", name="Inschrijvingen voor evenementen"
    )
    InboxName.objects.create(inbox=events_inbox, language="fr", name="Inscriptions aux événements")

    register(event, person(1))

    [notice] = [m for m in mail.outbox if m.to == ["evenementen@example.org"]]
    for text in (notice.body, html_part(notice)):
        assert "Er is een nieuwe inzending" in text
        assert "“Inschrijvingen voor evenementen”" in text
        assert "Event registrations" not in text

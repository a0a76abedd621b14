"""Registering through the event page: seats, the waiting list, refusals that change nothing."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from events.constants import RegistrationStatus
from events.models import EventPage, Registration
from events.models.pages import CLOSED_DEADLINE, CLOSED_ENDED
from forms.models import FormSubmission
from privacy.models import ConsentRecord
from tests.events.factories import dutch, person
from tests.translations import translation_with_parents

pytestmark = pytest.mark.django_db


def test_registering_confirms_a_seat_and_mails_the_confirmation_with_the_calendar(event, register):
    response = register(event, person(1))

    assert response.status_code == 303
    assert response["Location"].endswith("/sent/")
    registration = Registration.objects.get()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.submission.subject_email == "an1@example.org"
    assert registration.submission.answers["first_name"] == "An1"
    [message] = mail.outbox
    assert message.to == ["an1@example.org"]
    assert "/my-registration/" in message.body
    assert "/cancel/" in message.body
    assert "/my-privacy/preferences/" in message.body
    [(filename, content, mimetype)] = message.attachments
    assert filename.endswith(".ics")
    assert "BEGIN:VEVENT" in content
    assert mimetype.startswith("text/calendar")


@pytest.mark.parametrize("through", ["page", "api"])
def test_whether_registration_is_open_is_asked_once_per_registration(
    event, register, client, monkeypatch, through
):
    asked = []
    closed_reason = EventPage.closed_reason

    def spy(page, *args, **kwargs):
        asked.append(page.pk)
        return closed_reason(page, *args, **kwargs)

    monkeypatch.setattr(EventPage, "closed_reason", spy)

    if through == "page":
        assert register(event, person(1)).status_code == 303
    else:
        response = client.post(f"/api/forms/{event.pk}/submissions", person(1))
        assert response.status_code == 201, response.content

    assert Registration.objects.count() == 1
    assert asked == [event.pk]


def test_the_form_states_the_purposes_and_leaves_both_boxes_unticked(event, client):
    html = client.get(event.url).content.decode()

    for key in ("first_name", "last_name", "function", "company", "email", "needs"):
        assert f'name="{key}"' in html
    assert 'name="hide_from_participant_list"' in html
    assert 'name="photo_consent"' in html
    assert "checked" not in html
    # Notices, not boxes: the contract and the public list are stated, nobody ticks them.
    assert 'name="purpose_event_registration"' not in html
    assert "Inschrijving" in html
    assert "Deelnemerslijst" in html
    assert "Lijst voor de sprekers" not in html


def test_a_private_list_asks_no_objection_and_a_training_names_the_speakers_list(
    make_event, client
):
    training = make_event(kind="training", participant_list="off")

    html = client.get(training.url).content.decode()

    assert 'name="hide_from_participant_list"' not in html
    assert "Deelnemerslijst" not in html
    assert "Lijst voor de sprekers" in html


def test_the_ledger_records_notices_as_informed_and_the_objection_is_no_consent(event, register):
    register(event, person(1, hide_from_participant_list="on", photo_consent="on"))

    registration = Registration.objects.get()
    assert registration.hidden_from_list is True
    assert registration.objected_at is not None
    assert registration.photo_consent is True
    decisions = dict(
        ConsentRecord.objects.filter(subject_email="an1@example.org").values_list(
            "purpose_key", "decision"
        )
    )
    assert decisions == {
        "event-registration": "informed",
        "participant-list": "informed",
        "event-photos": "given",
        "event-needs": "refused",
    }


def test_unticked_photo_box_is_recorded_as_refused(event, register):
    register(event, person(1))

    registration = Registration.objects.get()
    assert registration.photo_consent is False
    assert registration.hidden_from_list is False
    record = ConsentRecord.objects.get(purpose_key="event-photos")
    assert record.decision == "refused"
    assert record.granted is False


def test_a_full_event_puts_registrants_on_the_waiting_list_and_says_so(event, register, client):
    register(event, person(1))
    register(event, person(2))
    mail.outbox.clear()

    response = register(event, person(3))

    assert response.status_code == 303
    assert response["Location"].endswith("/sent/?list=waiting")
    third = Registration.objects.get(submission__subject_email="an3@example.org")
    assert third.status == RegistrationStatus.WAITING
    assert third.waiting_number == 1
    landing = client.get(response["Location"]).content.decode()
    assert "u staat op de wachtlijst" in landing
    [message] = mail.outbox
    assert "1" in message.body
    assert message.attachments == []


def _nothing_stored():
    return not Registration.objects.exists() and not FormSubmission.objects.exists()


def test_registering_after_the_deadline_is_refused_and_stores_nothing(make_event, register, client):
    late = make_event(registration_deadline=timezone.now() - timedelta(hours=1))

    page = client.get(late.url).content.decode()
    response = register(late, person(1))

    assert 'name="first_name"' not in page
    assert response.status_code == 409
    assert dutch(CLOSED_DEADLINE) in response.content.decode()
    assert dutch(CLOSED_DEADLINE) in page
    assert _nothing_stored()
    assert mail.outbox == []


def test_registering_for_a_past_event_is_refused_and_stores_nothing(make_event, register, client):
    past = make_event(
        start=timezone.now() - timedelta(days=2), end=timezone.now() - timedelta(days=1)
    )

    response = register(past, person(1))
    api = client.post(f"/api/forms/{past.pk}/submissions", person(1))

    assert response.status_code == 409
    assert api.status_code == 409
    assert dutch(CLOSED_ENDED) in response.content.decode()
    assert _nothing_stored()


def test_registering_twice_is_answered_as_a_first_registration_and_resends_quietly(event, register):
    first = register(event, person(1))
    mail.outbox.clear()

    again = register(event, person(1, email="AN1@example.org", first_name="Other"))

    # Nothing tells the sender that this address was registered already.
    assert (again.status_code, again["Location"]) == (first.status_code, first["Location"])
    assert Registration.objects.count() == 1
    assert FormSubmission.objects.count() == 1
    assert FormSubmission.objects.get().answers["first_name"] == "An1"
    [message] = mail.outbox
    assert message.to == ["an1@example.org"]
    assert "al ingeschreven" in message.body
    assert "/cancel/" in message.body


def test_registering_twice_for_a_full_event_answers_what_a_newcomer_hears(event, register):
    register(event, person(1))
    register(event, person(2))  # the last seat

    newcomer = register(event, person(3))
    again = register(event, person(1))

    assert again["Location"] == newcomer["Location"]
    assert again["Location"].endswith("?list=waiting")
    assert (
        Registration.objects.filter(submission__subject_email="an1@example.org").get().is_confirmed
    )


def test_a_cancelled_person_may_register_again(event, register):
    from events.services import registration_cancel

    register(event, person(1))
    registration_cancel(registration=Registration.objects.get())

    response = register(event, person(1))

    assert response.status_code == 303
    assert Registration.objects.filter(status=RegistrationStatus.CONFIRMED).count() == 1


def test_the_api_answers_a_second_registration_as_a_first_one(event, client):
    url = f"/api/forms/{event.pk}/submissions"
    first = client.post(url, person(1))
    mail.outbox.clear()
    second = client.post(url, person(1))

    assert first.status_code == second.status_code == 201
    assert first.json() == second.json() == {"id": None}
    assert Registration.objects.count() == 1
    [message] = mail.outbox
    assert "al ingeschreven" in message.body


def test_the_api_schema_lists_the_fixed_questions_and_purposes(event, client):
    schema = client.get(f"/api/forms/{event.pk}").json()

    keys = [field["key"] for field in schema["fields"]]
    assert keys[:7] == [
        "first_name",
        "last_name",
        "function",
        "company",
        "email",
        "needs_consent",
        "needs",
    ]
    assert "hide_from_participant_list" in keys
    kinds = {purpose["key"]: purpose["kind"] for purpose in schema["purposes"]}
    assert kinds == {
        "event-needs": "consent",
        "event-photos": "consent",
        "event-registration": "notice",
        "participant-list": "notice",
    }


def test_a_registration_on_a_translation_takes_a_seat_of_the_event_and_mails_in_french(
    event, register, locales
):
    french = translation_with_parents(event, locales["fr"])
    french.title = "Soirée réseau"
    french.save_revision().publish()
    register(event, person(1))
    mail.outbox.clear()

    response = register(french, person(2))

    assert response.status_code == 303
    registration = Registration.objects.get(submission__subject_email="an2@example.org")
    assert registration.event_id == event.pk
    assert registration.submission.locale == "fr"
    assert Registration.objects.filter(status=RegistrationStatus.CONFIRMED).count() == 2
    [message] = mail.outbox
    assert "Soirée réseau" in message.subject
    assert "Votre place" in message.body
    assert "/fr/my-registration/" in message.body


def test_export_and_erasure_of_a_registrant_cover_the_registration(event, register):
    from privacy.services import subject_erase, subject_export

    register(event, person(1))
    register(event, person(2))

    export = subject_export(email="an1@example.org")
    subject_erase(email="an1@example.org")

    [row] = export.records["events.Registration"]
    assert row["status"] == RegistrationStatus.CONFIRMED
    assert list(Registration.objects.values_list("submission__subject_email", flat=True)) == [
        "an2@example.org"
    ]


@pytest.mark.parametrize(("through", "queries"), [("page", 13), ("api", 9)])
def test_a_registration_takes_a_fixed_number_of_queries_with_its_mail_left_to_the_worker(
    event, client, settings, django_assert_num_queries, through, queries
):
    # As in production: the confirmation waits in the database task queue for the worker.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    url = event.url if through == "page" else f"/api/forms/{event.pk}/submissions"
    client.post(url, person(1))  # the form's definitions, purposes and locales are cached

    # Routing (the page route, or the API's page read), the savepoint and its release, the
    # submission, its consents, the seats counted under the event's lock, the registration,
    # the outbox row and its task. No view restriction is read while no page is private,
    # nor a processing restriction while none is in force. PostgreSQL counts the seats in a
    # statement of its own, after the lock is granted.
    if connection.vendor == "postgresql":
        queries += 1
    with django_assert_num_queries(queries):
        response = client.post(url, person(2))

    assert response.status_code == (303 if through == "page" else 201)
    assert Registration.objects.filter(status=RegistrationStatus.CONFIRMED).count() == 2

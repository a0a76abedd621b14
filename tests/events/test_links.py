"""A registrant's signed links: cancel (the seat goes to the first person waiting) and change
the participant-list or photo choices at any time. Bad links change nothing."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from events.constants import RegistrationStatus
from events.models import Registration
from events.selectors import participants_listed
from events.services import CANCEL_AFTER_END, registration_address_confirm
from events.services.links import REGISTRATION
from privacy.models import ConsentRecord
from tests.events.factories import dutch, person

pytestmark = pytest.mark.django_db


def _reg(email: str) -> Registration:
    return Registration.objects.get(submission__subject_email=email)


def _cancel_url(registration) -> str:
    return f"/nl/my-registration/{REGISTRATION.token(registration)}/cancel/"


def _choices_url(registration) -> str:
    return f"/nl/my-registration/{REGISTRATION.token(registration)}/"


@pytest.fixture
def full_event(event, register):
    for n in (1, 2, 3, 4):
        register(event, person(n))
    mail.outbox.clear()
    return event


def test_opening_the_cancel_link_changes_nothing_until_the_button(full_event, client):
    first = _reg("an1@example.org")

    response = client.get(_cancel_url(first))

    assert response.status_code == 200
    assert "<form" in response.content.decode()
    assert _reg("an1@example.org").status == RegistrationStatus.CONFIRMED


def test_cancelling_frees_the_seat_for_the_first_waiting_who_is_mailed(
    full_event, client, django_capture_on_commit_callbacks
):
    first = _reg("an1@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_cancel_url(first))

    assert response.status_code == 200
    assert _reg("an1@example.org").status == RegistrationStatus.CANCELLED
    assert _reg("an3@example.org").status == RegistrationStatus.CONFIRMED
    assert _reg("an4@example.org").status == RegistrationStatus.WAITING
    assert Registration.objects.filter(status=RegistrationStatus.CONFIRMED).count() == 2
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == ["an1@example.org", "an3@example.org"]
    promoted = next(m for m in mail.outbox if m.to == ["an3@example.org"])
    assert promoted.attachments and promoted.attachments[0][0].endswith(".ics")


def test_cancelling_a_waiting_place_moves_nobody_up(full_event, client):
    client.post(_cancel_url(_reg("an3@example.org")))

    assert _reg("an3@example.org").status == RegistrationStatus.CANCELLED
    assert _reg("an4@example.org").status == RegistrationStatus.WAITING
    assert Registration.objects.filter(status=RegistrationStatus.CONFIRMED).count() == 2


def test_cancelling_twice_changes_nothing_the_second_time(full_event, client):
    url = _cancel_url(_reg("an1@example.org"))
    client.post(url)

    response = client.post(url)

    assert response.status_code == 200
    assert _reg("an4@example.org").status == RegistrationStatus.WAITING


def test_a_tampered_cancellation_link_is_refused_and_changes_nothing(full_event, client):
    token = REGISTRATION.token(_reg("an1@example.org"))
    tampered = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")

    response = client.post(f"/nl/my-registration/{tampered}/cancel/")

    assert response.status_code == 400
    assert Registration.objects.filter(status=RegistrationStatus.CONFIRMED).count() == 2
    assert Registration.objects.filter(status=RegistrationStatus.CANCELLED).count() == 0


def test_a_cancellation_after_the_event_is_refused_and_changes_nothing(full_event, client):
    first = _reg("an1@example.org")
    url = _cancel_url(first)
    full_event.start = timezone.now() - timedelta(hours=3)
    full_event.end = timezone.now() - timedelta(hours=1)
    full_event.save()

    response = client.post(url)

    assert response.status_code == 409
    assert dutch(CANCEL_AFTER_END) in response.content.decode()
    assert _reg("an1@example.org").status == RegistrationStatus.CONFIRMED
    assert _reg("an3@example.org").status == RegistrationStatus.WAITING


def test_objecting_through_the_link_takes_the_person_off_the_list_at_once(full_event, client):
    first = _reg("an1@example.org")
    registration_address_confirm(registration=first)
    assert "An1" in [p.first_name for p in participants_listed(event=full_event)]

    response = client.post(_choices_url(first), {"hidden_from_list": "on"})

    assert response.status_code == 200
    assert "An1" not in [p.first_name for p in participants_listed(event=full_event)]
    assert _reg("an1@example.org").objected_at is not None
    assert not ConsentRecord.objects.filter(purpose_key="participant-list", granted=True).exists()

    client.post(_choices_url(first), {})

    assert "An1" in [p.first_name for p in participants_listed(event=full_event)]


def test_photo_consent_given_and_withdrawn_through_the_link_is_in_the_ledger(full_event, client):
    first = _reg("an1@example.org")

    client.post(_choices_url(first), {"photo_consent": "on"})

    assert _reg("an1@example.org").photo_consent is True
    grant = ConsentRecord.objects.get(
        subject_email="an1@example.org", purpose_key="event-photos", granted=True
    )
    assert grant.withdrawn_at is None

    client.post(_choices_url(first), {})

    assert _reg("an1@example.org").photo_consent is False
    grant.refresh_from_db()
    assert grant.withdrawn_at is not None


def test_a_tampered_choices_link_is_refused_and_changes_nothing(full_event, client):
    token = REGISTRATION.token(_reg("an1@example.org"))

    response = client.post(f"/nl/my-registration/{token}x/", {"hidden_from_list": "on"})

    assert response.status_code == 400
    assert not Registration.objects.filter(hidden_from_list=True).exists()


def test_raising_the_capacity_moves_people_up_when_the_event_is_published(
    full_event, django_capture_on_commit_callbacks
):
    full_event.capacity = 3
    with django_capture_on_commit_callbacks(execute=True):
        full_event.save_revision().publish()

    assert _reg("an3@example.org").status == RegistrationStatus.CONFIRMED
    assert _reg("an4@example.org").status == RegistrationStatus.WAITING
    assert [m.to for m in mail.outbox] == [["an3@example.org"]]


def test_erasing_a_confirmed_person_gives_the_seat_to_the_first_waiting(
    full_event, django_capture_on_commit_callbacks
):
    from privacy.services import subject_erase

    with django_capture_on_commit_callbacks(execute=True):
        subject_erase(email="an1@example.org")

    assert _reg("an3@example.org").status == RegistrationStatus.CONFIRMED
    assert _reg("an4@example.org").status == RegistrationStatus.WAITING
    assert [m.to for m in mail.outbox] == [["an3@example.org"]]


def test_a_photo_consent_withdrawn_elsewhere_shows_on_the_registration(
    event, register, django_capture_on_commit_callbacks
):
    from privacy.services import consent_withdraw

    register(event, person(1, photo_consent="on"))

    with django_capture_on_commit_callbacks(execute=True):
        consent_withdraw(purpose_key="event-photos", email="an1@example.org")

    assert _reg("an1@example.org").photo_consent is False


def test_my_registration_offers_cancel_next_to_the_choices_and_the_list_only_when_public(
    full_event, make_event, register, client
):
    page = client.get(_choices_url(_reg("an1@example.org"))).content.decode()
    private = make_event(title="Besloten opleiding", participant_list="off")
    register(private, person(9))
    private_page = client.get(_choices_url(_reg("an9@example.org"))).content.decode()

    assert 'href="cancel/"' in page and 'name="hidden_from_list"' in page
    assert 'href="cancel/"' in private_page and 'name="hidden_from_list"' not in private_page
    assert client.get(_choices_url(_reg("an1@example.org")) + "cancel/").status_code == 200


def test_my_registration_offers_no_cancel_once_cancelled(full_event, client):
    first = _reg("an1@example.org")
    client.post(_cancel_url(first))

    page = client.get(_choices_url(first)).content.decode()

    assert 'href="cancel/"' not in page

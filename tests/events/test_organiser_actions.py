"""What organisers do on a person's behalf: open a registration (needs included), cancel it
with the e-mail, take one down by phone, move someone up from the waiting list; and that
nobody else can."""

import pytest
from django.core import mail
from django.urls import reverse

from events.models import Registration, RegistrationNeeds
from privacy.models import ConsentRecord
from tests.events.factories import person
from tests.users import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser(client, events_group):
    user = make_user("organiser", groups=[events_group])
    client.force_login(user)
    return user


@pytest.fixture
def full_event(event, register):
    """Two seats, both taken (An1, An2, who has needs); An3 waits."""
    register(event, person(1))
    register(event, person(2, needs="Vegetarisch, rolstoeltoegankelijk", needs_consent="on"))
    register(event, person(3))
    mail.outbox.clear()
    return event


def _registration(n: int) -> Registration:
    return Registration.objects.get(submission__subject_email=f"an{n}@example.org")


def _url(name, event, registration=None):
    args = [event.pk] if registration is None else [event.pk, registration.pk]
    return reverse(f"events_registrations:{name}", args=args)


def test_an_organiser_opens_a_registration_with_its_needs_and_its_place(
    client, organiser, full_event
):
    listing = client.get(_url("event", full_event)).content.decode()
    detail_url = _url("registration", full_event, _registration(2))
    assert detail_url in listing

    detail = client.get(detail_url)
    html = detail.content.decode()

    assert detail.status_code == 200
    assert "Vegetarisch, rolstoeltoegankelijk" in html
    assert "an2@example.org" in html and "Peeters2" in html
    waiting = client.get(_url("registration", full_event, _registration(3))).content.decode()
    assert _url("registration_move_up", full_event, _registration(3)) in waiting


def test_an_organiser_cancels_on_the_persons_behalf_and_the_first_waiting_moves_up(
    client, organiser, full_event, django_capture_on_commit_callbacks
):
    url = _url("registration_cancel", full_event, _registration(1))
    asked = client.get(url)
    assert asked.status_code == 200 and _registration(1).is_confirmed  # GET only asks

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)

    assert response.status_code == 302
    assert _registration(1).is_cancelled and _registration(3).is_confirmed
    cancelled, promoted = (
        [m for m in mail.outbox if m.to == [f"an{n}@example.org"]] for n in (1, 3)
    )
    assert "Zoals u ons vroeg" in cancelled[0].body
    assert promoted and "Beste An3," in promoted[0].body


@pytest.mark.parametrize("action", ["registration_cancel", "registration_move_up"])
def test_once_the_event_has_ended_an_organisers_action_changes_nothing_and_says_why(
    client, organiser, full_event, django_capture_on_commit_callbacks, action
):
    from datetime import timedelta

    from django.utils import timezone

    from events.models import EventPage

    ended = timezone.now() - timedelta(hours=1)
    EventPage.objects.filter(pk=full_event.pk).update(start=ended - timedelta(hours=2), end=ended)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url(action, full_event, _registration(3)))

    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert _registration(3).is_waiting and _registration(1).is_confirmed
    assert not mail.outbox


def test_an_organiser_moves_someone_up_beyond_the_capacity(
    client, organiser, full_event, django_capture_on_commit_callbacks
):
    url = _url("registration_move_up", full_event, _registration(3))
    assert "2 van 2" in client.get(url).content.decode()  # the page warns it is full

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)

    assert _registration(3).is_confirmed
    assert Registration.objects.filter(event=full_event, status="confirmed").count() == 3
    [message] = mail.outbox
    assert message.to == ["an3@example.org"] and message.attachments  # with the calendar


def test_an_organiser_takes_a_registration_by_phone_in_the_persons_language(
    client, organiser, full_event, django_capture_on_commit_callbacks, locales
):
    from tests.translations import translation_with_parents

    french = translation_with_parents(full_event, locales["fr"])
    french.title = "Soirée réseau"
    french.save_revision().publish()
    url = _url("registration_add", full_event)
    form = client.get(url, {"language": "fr"}).content.decode()
    assert 'name="photo_consent"' not in form and 'name="captcha"' not in form

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{url}?language=fr", person(9, first_name="Luc", needs="Sans gluten")
        )

    registration = _registration(9)
    assert response.status_code == 302
    assert response["Location"] == _url("registration", full_event, registration)
    assert registration.is_waiting and not registration.photo_consent
    assert registration.submission.locale == "fr"
    # Needs need the person's own explicit consent, which nobody gives on their behalf.
    assert not RegistrationNeeds.objects.filter(registration=registration).exists()
    [message] = mail.outbox
    assert message.body.startswith("Bonjour Luc,") and "Soirée réseau" in message.body
    sources = set(
        ConsentRecord.objects.filter(subject_email="an9@example.org").values_list(
            "source", flat=True
        )
    )
    assert sources == {"admin"}


def test_taking_an_address_already_registered_stores_nothing_and_says_why(
    client, organiser, full_event
):
    before = Registration.objects.count()

    response = client.post(_url("registration_add", full_event), person(2))

    assert response.status_code == 200
    assert "al ingeschreven" in response.content.decode()
    assert Registration.objects.count() == before and not mail.outbox


@pytest.mark.parametrize("role", ["Editors", "Recruitment", "anonymous"])
def test_nobody_else_opens_or_changes_a_registration(client, full_event, role):
    from django.contrib.auth.models import Group

    if role != "anonymous":
        group = Group.objects.get_or_create(name=role)[0]
        client.force_login(make_user(role.lower(), groups=[group]))
    registration = _registration(3)
    for name in ("registration", "registration_cancel", "registration_move_up"):
        response = client.get(_url(name, full_event, registration))
        assert response.status_code == 302 and "Peeters3" not in response.content.decode()
        client.post(_url(name, full_event, registration))
    client.post(_url("registration_add", full_event), person(9))

    assert _registration(3).is_waiting and _registration(1).is_confirmed
    assert not Registration.objects.filter(submission__subject_email="an9@example.org").exists()
    assert not mail.outbox

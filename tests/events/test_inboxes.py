"""Registrations have one place, the organisers' area: the inboxes neither list nor count
them, nor mark them handled, and a link to one in an inbox leads to the registration."""

import pytest
from django.urls import reverse

from events.models import Registration
from forms.models import FormSubmission
from tests.events.factories import person
from tests.users import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(client, events_group, inbox):
    """Organiser and reader of both the events inbox and the contact inbox."""
    user = make_user("organiser", groups=[events_group, inbox.group])
    client.force_login(user)
    return user


@pytest.fixture
def sent(event, register, contact_page, client, valid_data):
    register(event, person(1))
    client.post(contact_page.url, valid_data)


def test_the_inboxes_list_the_contact_form_but_not_the_registrations(
    client, reader, sent, events_inbox, inbox
):
    inboxes = client.get(reverse("forms_inboxes:index")).content.decode()
    events = client.get(reverse("forms_inboxes:submissions", args=[events_inbox.pk]))
    contact = client.get(reverse("forms_inboxes:submissions", args=[inbox.pk])).content.decode()
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Contact requests" in inboxes and "Event registrations" not in inboxes
    assert "an1@example.org" not in events.content.decode()
    assert "jan.peeters@example.org" in contact
    assert "Event registrations" not in dashboard


def test_an_inbox_link_to_a_registration_leads_to_the_organisers_screen_and_marks_nothing(
    client, reader, sent
):
    registration = Registration.objects.get()
    submission = registration.submission

    response = client.get(reverse("forms_inboxes:submission", args=[submission.pk]))
    client.post(reverse("forms_inboxes:handle", args=[submission.pk]))

    assert response.status_code == 302
    assert response["Location"] == reverse(
        "events_registrations:registration", args=[registration.event_id, registration.pk]
    )
    assert FormSubmission.objects.get(pk=submission.pk).handled_at is None
    assert client.get(response["Location"]).status_code == 200


def test_a_reader_of_the_contact_inbox_alone_gets_no_way_to_a_registration(client, sent, inbox):
    client.force_login(make_user("secretary", groups=[inbox.group]))
    submission = Registration.objects.get().submission

    response = client.get(reverse("forms_inboxes:submission", args=[submission.pk]))

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")

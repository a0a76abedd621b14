"""Dietary and access needs: asked under their own explicit consent (``event-needs``), kept
apart from the answers, read by organisers only, counted for the caterer, deleted when the
event ends."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import EventPage, Registration, RegistrationNeeds
from forms.models import FormSubmission
from privacy.models import ConsentRecord
from privacy.services import consent_withdraw, retention_enforce
from tests.events.factories import person
from tests.users import make_user

pytestmark = pytest.mark.django_db

NEEDS = "Vegetarisch, notenallergie"


@pytest.fixture
def organiser(client, events_group):
    user = make_user("organiser", groups=[events_group])
    client.force_login(user)
    return user


def test_the_question_follows_its_own_unticked_box_and_shows_once_it_is_ticked(event, client):
    html = client.get(event.url).content.decode()

    box = html.index('name="needs_consent"')
    question = html.index('name="needs"')
    assert box < question
    assert 'type="checkbox" name="needs_consent"' in html
    assert "uitdrukkelijk" in html  # the explicit consent's words, as the box's label
    tag = html[html.rindex("<textarea", 0, question) : html.index(">", question)]
    assert 'data-requires-consent="needs_consent"' in tag
    assert "forms/js/consent-fields.js" in html
    assert "<script>" not in html  # no inline script: the file shows the question
    # The question asks for them: it does not carry the warning against sensitive details.
    assert "Vermeld geen gezondheidsgegevens" not in html[question : question + 800]


def test_without_the_box_the_answer_is_dropped(event, register, client):
    register(event, person(1, needs=NEEDS))
    client.post(f"/api/forms/{event.pk}/submissions", person(2, needs=NEEDS))

    assert Registration.objects.count() == 2
    assert not RegistrationNeeds.objects.exists()
    for submission in FormSubmission.objects.all():
        assert "needs" not in submission.answers
    assert set(
        ConsentRecord.objects.filter(purpose_key="event-needs").values_list("decision", flat=True)
    ) == {"refused"}


def test_with_the_box_the_needs_are_kept_apart_under_the_explicit_consent(event, register):
    register(event, person(1, needs=f"  {NEEDS} ", needs_consent="on"))

    registration = Registration.objects.get()
    assert "needs" not in registration.submission.answers
    needs = registration.needs
    assert needs.text == NEEDS
    assert needs.consent.purpose_key == "event-needs"
    assert needs.consent.decision == "given"
    assert needs.consent.subject_email == "an1@example.org"


def test_the_api_states_which_box_the_question_belongs_to(event, client):
    schema = client.get(f"/api/forms/{event.pk}").json()

    fields = {field["key"]: field for field in schema["fields"]}
    assert fields["needs"]["requires_consent"] == "needs_consent"
    assert fields["first_name"]["requires_consent"] is None
    purposes = {purpose["key"]: purpose["kind"] for purpose in schema["purposes"]}
    assert purposes["event-needs"] == "consent"


def test_the_needs_are_deleted_when_the_event_ends_and_the_registration_stays(event, register):
    register(event, person(1, needs=NEEDS, needs_consent="on"))
    now = timezone.now()
    EventPage.objects.filter(pk=event.pk).update(
        start=now - timedelta(hours=3), end=now - timedelta(minutes=1)
    )

    retention_enforce()

    assert not RegistrationNeeds.objects.exists()
    assert Registration.objects.count() == 1


def test_withdrawing_the_consent_deletes_the_needs_at_once(
    event, register, django_capture_on_commit_callbacks
):
    register(event, person(1, needs=NEEDS, needs_consent="on"))
    register(event, person(2, needs="Halal", needs_consent="on"))

    with django_capture_on_commit_callbacks(execute=True):
        consent_withdraw(purpose_key="event-needs", email="an1@example.org")

    assert list(RegistrationNeeds.objects.values_list("text", flat=True)) == ["Halal"]


def test_organisers_read_the_needs_but_search_never_finds_them(event, register, client, organiser):
    register(event, person(1, needs=NEEDS, needs_consent="on"))
    url = reverse("events_registrations:event", args=[event.pk])

    assert NEEDS in client.get(url).content.decode()
    searched = client.get(url, {"q": "notenallergie"}).content.decode()
    assert "an1@example.org" not in searched
    assert client.get(url, {"q": "Peeters1"}).content.decode().count("an1@example.org") == 1


def test_nobody_else_reads_them(event, register, client):
    register(event, person(1, needs=NEEDS, needs_consent="on"))
    client.force_login(make_user("editor"))

    for name in ("event", "needs_csv"):
        response = client.get(reverse(f"events_registrations:{name}", args=[event.pk]))
        assert response.status_code in (302, 403)
        assert NEEDS not in response.content.decode()


def test_the_caterer_gets_counts_never_names(event, register, client, organiser):
    event.capacity = 3
    event.save_revision().publish()
    register(event, person(1, needs="Vegetarisch", needs_consent="on"))
    register(event, person(2, needs="vegetarisch ", needs_consent="on"))
    register(event, person(3, needs="Rolstoel", needs_consent="on"))
    register(event, person(4, needs="Halal", needs_consent="on"))  # waiting: not counted

    response = client.get(reverse("events_registrations:needs_csv", args=[event.pk]))
    text = b"".join(response.streaming_content).decode("utf-8-sig")

    rows = list(csv.reader(io.StringIO(text)))
    # Every export of personal data ends on its delete-after-use line.
    assert rows[1:3] == [["Vegetarisch", "2"], ["Rolstoel", "1"]]
    assert [row for row in rows[3:] if len(row) == 2] == []
    for leak in ("An1", "Peeters", "example.org", "Halal"):
        assert leak not in text

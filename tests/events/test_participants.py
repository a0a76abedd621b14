"""The public participant list, on the event page and at /api/events/<id>/participants."""

from datetime import timedelta

import pytest
from django.utils import timezone

from events.models import Registration
from events.services import registration_object
from privacy.models import DataRequestPage
from tests.events.factories import person

pytestmark = pytest.mark.django_db


def api(client, page_id):
    return client.get(f"/api/events/{page_id}/participants")


def test_page_and_api_show_confirmed_first_name_name_and_function_only(
    make_event, register, client
):
    page = make_event(capacity=1)
    register(page, person(1, function="Zaakvoerder"))
    register(page, person(2))  # waiting: not a participant (yet)

    html = client.get(page.url).content.decode()
    answer = api(client, page.pk)

    assert "An1 Peeters1" in html and "Zaakvoerder" in html
    assert "Peeters2" not in html
    assert "an1@example.org" not in html and "Voorbeeld BV" not in html
    assert answer.status_code == 200
    assert answer["Cache-Control"].startswith("max-age=0")
    body = answer.json()
    assert body["ended"] is False
    assert body["participants"] == [
        {"first_name": "An1", "last_name": "Peeters1", "function": "Zaakvoerder"}
    ]


def test_an_objector_leaves_the_list_at_once_and_can_come_back(event, register, client):
    register(event, person(1))
    register(event, person(2))
    registration = Registration.objects.get(submission__subject_email="an1@example.org")

    registration_object(registration=registration, hidden=True)
    names = [p["first_name"] for p in api(client, event.pk).json()["participants"]]
    html = client.get(event.url).content.decode()
    assert names == ["An2"]
    assert "Peeters1" not in html

    registration_object(registration=registration, hidden=False)
    assert len(api(client, event.pk).json()["participants"]) == 2


def test_who_objects_when_registering_never_appears(event, register, client):
    register(event, person(1, hide_from_participant_list="on"))

    assert api(client, event.pk).json()["participants"] == []
    assert "Peeters1" not in client.get(event.url).content.decode()


def test_the_list_is_taken_down_when_the_event_ends(make_event, register, client):
    page = make_event()
    register(page, person(1))
    now = timezone.now()
    page.start, page.end = now - timedelta(hours=3), now - timedelta(hours=1)
    page.save_revision().publish()

    body = api(client, page.pk).json()
    html = client.get(page.url).content.decode()

    assert body["ended"] is True and body["participants"] == []
    assert "Peeters1" not in html
    assert "offline gehaald" in html  # "taken down", in the page's language


def test_a_private_list_and_a_page_that_is_no_event_answer_404_in_json(
    make_event, register, index, client
):
    private = make_event(participant_list_public=False)
    register(private, person(1))

    for page_id in (private.pk, index.pk, 999999, 2**63):
        answer = api(client, page_id)
        assert answer.status_code == 404
        assert answer["Content-Type"].startswith("application/json")
        assert "detail" in answer.json()
    assert "Peeters1" not in client.get(private.url).content.decode()


def test_a_bad_id_is_a_json_400(client):
    answer = api(client, "abc")
    assert answer.status_code == 400
    assert answer.json()["errors"]


def test_the_operation_is_in_the_openapi_document(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    operation = paths["/api/events/{page_id}/participants"]["get"]
    assert set(operation["responses"]) == {"200", "400", "404"}


def test_the_page_links_photo_objections_to_the_privacy_request_flow(event, home, client):
    request_page = DataRequestPage(title="Uw gegevens", slug="uw-gegevens", intro="<p>Vraag</p>")
    home.add_child(instance=request_page)
    request_page.save_revision().publish()

    html = client.get(event.url).content.decode()
    assert f'href="{request_page.url}"' in html

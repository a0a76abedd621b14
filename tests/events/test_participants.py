"""The participant list: each event chooses its audience (off, its confirmed participants
through their own link, or everyone); a name appears only once its owner confirmed their
address through that link; the page and the API keep the list from search engines and from
anyone the event did not choose."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from events.constants import FUNCTION_MAX_LENGTH
from events.models import Registration
from events.registration_form import AUDIENCE
from events.services import registration_address_confirm, registration_object
from events.services.links import REGISTRATION
from privacy.models import DataRequestPage
from tests.events.factories import dutch, person

pytestmark = pytest.mark.django_db


def api(client, page_id, token=""):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return client.get(f"/api/events/{page_id}/participants", **headers)


def _reg(email: str) -> Registration:
    return Registration.objects.get(submission__subject_email=email)


def _list_url(registration) -> str:
    return f"/nl/my-registration/{REGISTRATION.token(registration)}/participants/"


def _confirm(*emails):
    for email in emails:
        registration_address_confirm(registration=_reg(email))


def test_by_default_the_list_is_behind_each_participants_own_link(event, register, client):
    register(event, person(1))
    register(event, person(2))
    [first_mail, _second] = mail.outbox

    page = client.get(event.url).content.decode()
    assert event.participant_list == "participants"
    assert "Peeters1" not in page and "Peeters2" not in page
    assert dutch(AUDIENCE["participants"]) in page
    assert client.get(f"{event.url}participants/").status_code == 404

    # The mail carries the list's link and says who sees it.
    [url] = re.findall(
        r"https?://[^/\s]+(/nl/my-registration/[^/\s]+/participants/)", first_mail.body
    )
    assert dutch(AUDIENCE["participants"], html=False) in first_mail.body

    opened = client.get(url)
    assert opened.status_code == 200
    assert opened["X-Robots-Tag"].startswith("noindex")
    assert '<meta name="robots" content="noindex' in opened.content.decode()
    # Opening (which a mail scanner does too) puts nobody on the list: the button does.
    assert "Peeters1" not in opened.content.decode()
    assert _reg("an1@example.org").link_followed_at is None

    confirmed = client.post(url).content.decode()
    assert "An1 Peeters1" in confirmed
    assert "Peeters2" not in confirmed  # An2 has not confirmed their address yet


def test_waiting_and_cancelled_registrants_see_no_names(event, register, client):
    event.capacity = 1
    event.save_revision().publish()
    register(event, person(1))
    register(event, person(2))  # waiting
    _confirm("an1@example.org")

    response = client.get(_list_url(_reg("an2@example.org")))

    assert response.status_code == 403
    assert "Peeters1" not in response.content.decode()
    assert client.post(_list_url(_reg("an2@example.org"))).status_code == 403
    assert _reg("an2@example.org").link_followed_at is None


def test_a_public_list_is_its_own_page_kept_from_search_engines_and_the_sitemap(
    make_event, register, client
):
    page = make_event(participant_list="public")
    register(page, person(1, function="Zaakvoerder"))
    register(page, person(2))
    _confirm("an1@example.org")

    event_page = client.get(page.url).content.decode()
    listing = client.get(f"{page.url}participants/")
    sitemap = client.get("/sitemap.xml").content.decode()

    assert "Peeters1" not in event_page  # the event page itself names nobody
    assert f'href="{page.url}participants/"' in event_page
    assert dutch(AUDIENCE["public"]) in event_page
    html = listing.content.decode()
    assert listing.status_code == 200
    assert "An1 Peeters1" in html and "Zaakvoerder" in html
    assert "Peeters2" not in html
    assert "an1@example.org" not in html and "Voorbeeld BV" not in html
    assert '<meta name="robots" content="noindex' in html
    assert listing["X-Robots-Tag"].startswith("noindex")
    assert page.url.rstrip("/").split("/")[-1] in sitemap
    assert "participants" not in sitemap


def test_the_api_asks_for_the_participants_token_unless_the_list_is_public(
    event, make_event, register, client
):
    register(event, person(1))
    register(event, person(2))
    other = make_event()
    register(other, person(3))
    _confirm("an1@example.org", "an2@example.org", "an3@example.org")

    without = api(client, event.pk)
    wrong = api(client, event.pk, REGISTRATION.token(_reg("an3@example.org")))
    forged = api(client, event.pk, "not-a-token")
    own = api(client, event.pk, REGISTRATION.token(_reg("an1@example.org")))

    for refused in (without, wrong, forged):
        assert refused.status_code == 403
        assert "detail" in refused.json()
        assert "Peeters" not in refused.content.decode()
    assert own.status_code == 200
    assert own["X-Robots-Tag"].startswith("noindex")
    assert own["Cache-Control"].startswith("max-age=0")
    body = own.json()
    assert body["audience"] == "participants" and body["ended"] is False
    assert [p["first_name"] for p in body["participants"]] == ["An1", "An2"]

    public = make_event(participant_list="public")
    register(public, person(4))
    _confirm("an4@example.org")
    assert api(client, public.pk).json()["participants"] == [
        {"first_name": "An4", "last_name": "Peeters4", "function": "Zaakvoerder"}
    ]


def test_an_event_without_a_list_asks_no_objection_and_shows_none(make_event, register, client):
    page = make_event(participant_list="off")
    html = client.get(page.url).content.decode()
    register(page, person(1))
    _confirm("an1@example.org")

    assert 'name="hide_from_participant_list"' not in html
    assert "Deelnemerslijst" not in html
    assert api(client, page.pk).status_code == 404
    assert client.get(_list_url(_reg("an1@example.org"))).status_code == 403
    [message] = mail.outbox
    assert "/participants/" not in message.body
    assert "deelnemerslijst" not in message.body.lower()


def test_the_form_states_the_events_audience_beside_the_objection_box(make_event, client):
    for audience in ("participants", "public"):
        html = client.get(make_event(participant_list=audience).url).content.decode()
        box = html.index('name="hide_from_participant_list"')
        assert dutch(AUDIENCE[audience]) in html[box : box + 1500]


def test_the_function_is_capped(event, register, client):
    response = register(event, person(1, function="x" * (FUNCTION_MAX_LENGTH + 1)))
    assert response.status_code == 200  # the form again, with the error
    assert not Registration.objects.exists()

    register(event, person(2, function="y" * FUNCTION_MAX_LENGTH))
    registration = _reg("an2@example.org")
    registration.submission.answers["function"] = "z" * 500  # stored before the cap
    registration.submission.save()
    _confirm("an2@example.org")
    body = api(client, event.pk, REGISTRATION.token(registration)).json()
    assert len(body["participants"][0]["function"]) <= FUNCTION_MAX_LENGTH


def test_an_objector_leaves_the_list_at_once_and_can_come_back(event, register, client):
    register(event, person(1))
    register(event, person(2))
    _confirm("an1@example.org", "an2@example.org")
    registration = _reg("an1@example.org")
    token = REGISTRATION.token(_reg("an2@example.org"))

    registration_object(registration=registration, hidden=True)
    names = [p["first_name"] for p in api(client, event.pk, token).json()["participants"]]
    assert names == ["An2"]

    registration_object(registration=registration, hidden=False)
    assert len(api(client, event.pk, token).json()["participants"]) == 2


def test_who_objects_when_registering_never_appears(event, register, client):
    register(event, person(1, hide_from_participant_list="on"))
    _confirm("an1@example.org")

    html = client.post(_list_url(_reg("an1@example.org"))).content.decode()
    assert "Peeters1" not in html


def test_the_list_is_taken_down_when_the_event_ends(make_event, register, client):
    page = make_event(participant_list="public")
    register(page, person(1))
    _confirm("an1@example.org")
    now = timezone.now()
    page.start, page.end = now - timedelta(hours=3), now - timedelta(hours=1)
    page.save_revision().publish()

    body = api(client, page.pk).json()
    html = client.get(f"{page.url}participants/").content.decode()

    assert body["ended"] is True and body["participants"] == []
    assert "Peeters1" not in html
    assert "offline gehaald" in html  # "taken down", in the page's language


def test_an_event_without_a_list_and_a_page_that_is_no_event_answer_404_in_json(
    make_event, index, client
):
    off = make_event(participant_list="off")

    for page_id in (off.pk, index.pk, 999999, 2**63):
        answer = api(client, page_id)
        assert answer.status_code == 404
        assert answer["Content-Type"].startswith("application/json")
        assert "detail" in answer.json()


def test_a_bad_id_is_a_json_400(client):
    answer = api(client, "abc")
    assert answer.status_code == 400
    assert answer.json()["errors"]


def test_the_operation_is_in_the_openapi_document(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    operation = paths["/api/events/{page_id}/participants"]["get"]
    assert set(operation["responses"]) == {"200", "400", "403", "404"}


def test_the_page_links_photo_objections_to_the_privacy_request_flow(event, home, client):
    request_page = DataRequestPage(title="Uw gegevens", slug="uw-gegevens", intro="<p>Vraag</p>")
    home.add_child(instance=request_page)
    request_page.save_revision().publish()

    html = client.get(event.url).content.decode()
    assert f'href="{request_page.url}"' in html
    assert re.search(r"hoofdonderwerp", html)

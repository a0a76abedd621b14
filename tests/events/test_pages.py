"""What visitors and headless clients see: the index and its filters, the event page with its
JSON-LD and calendar file, the API v2 fields. The online link stays for registrants."""

import json
import re
from datetime import UTC, timedelta

import pytest
from django.utils import timezone

from events.constants import ICS_PATH, KEY_FIRST_NAME
from events.models import EventPageSpeaker, Registration
from events.selectors import event_counts, participants_listed
from events.services import registration_address_confirm
from tests.events.factories import SpeakerFactory, person

pytestmark = pytest.mark.django_db

ONLINE = "https://meet.example.org/secret-room"


@pytest.fixture
def agenda(make_event):
    now = timezone.now()
    return {
        "event": make_event(title="Netwerkavond", start=now + timedelta(days=3)),
        "training": make_event(
            title="Opleiding btw", kind="training", start=now + timedelta(days=40)
        ),
        "past": make_event(
            title="Nieuwjaarsreceptie",
            start=now - timedelta(days=30),
            end=now - timedelta(days=30) + timedelta(hours=3),
        ),
    }


def _titles(html: str, section: str) -> list[str]:
    part = html.split(f'id="{section}-heading"')[1].split("</section>")[0]
    return re.findall(r'<a href="[^"]+">([^<]+)</a>', part)


def test_index_lists_upcoming_soonest_first_and_past_in_the_archive(index, agenda, client):
    html = client.get(index.url).content.decode()

    assert _titles(html, "upcoming") == ["Netwerkavond", "Opleiding btw"]
    assert _titles(html, "past") == ["Nieuwjaarsreceptie"]


def test_index_filters_by_kind_and_month(index, agenda, client):
    trainings = client.get(index.url, {"kind": "training"}).content.decode()
    month = agenda["past"].start.strftime("%Y-%m")
    in_month = client.get(index.url, {"month": month}).content.decode()
    nonsense = client.get(index.url, {"kind": "party", "month": "13-2026"})

    assert _titles(trainings, "upcoming") == ["Opleiding btw"]
    assert _titles(trainings, "past") == []
    assert _titles(in_month, "past") == ["Nieuwjaarsreceptie"]
    # The training starts 40 days on, never in the month 30 days ago.
    assert "Opleiding btw" not in _titles(in_month, "upcoming")
    assert nonsense.status_code == 200


def test_event_page_carries_event_json_ld_and_hides_the_online_link(make_event, client):
    page = make_event(title="Webinar export", online_url=ONLINE, capacity=30)
    speaker = SpeakerFactory(name="Els Janssens")
    EventPageSpeaker.objects.create(page=page, speaker=speaker, sort_order=0)

    html = client.get(page.url).content.decode()

    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(block)
    assert data["@type"] == "Event"
    assert data["name"] == "Webinar export"
    assert data["startDate"] == page.start.isoformat()
    assert data["eventAttendanceMode"].endswith("MixedEventAttendanceMode")
    assert data["performer"] == [{"@type": "Person", "name": "Els Janssens"}]
    assert data["maximumAttendeeCapacity"] == 30
    assert "Els Janssens" in html
    assert ONLINE not in html


def test_calendar_file_has_the_event_without_the_online_link(make_event, client):
    page = make_event(title="Webinar export", online_url=ONLINE)

    response = client.get(f"{page.url}calendar/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert "BEGIN:VEVENT" in body
    assert f"DTSTART:{page.start.astimezone(UTC).strftime('%Y%m%dT%H%M%SZ')}" in body
    assert "SUMMARY:Webinar export" in body
    assert ONLINE not in body


def test_only_registrants_get_the_online_link(make_event, register):
    from django.core import mail

    page = make_event(online_url=ONLINE)
    register(page, person(1))

    [message] = mail.outbox
    assert ONLINE in message.body
    assert ONLINE in message.attachments[0][1]


def test_api_v2_shows_the_event_fields_but_not_the_online_link(make_event, client):
    page = make_event(title="Webinar export", online_url=ONLINE, capacity=30)

    response = client.get(f"/api/v2/pages/{page.pk}/")

    assert response.status_code == 200
    data = response.json()
    assert data["kind"] == "event"
    assert data["capacity"] == 30
    assert data["participant_list"] == "participants"
    assert data["registration_open"] is True
    assert "online_url" not in data
    assert ONLINE not in response.content.decode()


def test_api_v2_lists_each_speaker_by_name_function_and_organisation_only(make_event, client):
    page = make_event()
    speaker = SpeakerFactory(name="An Peeters", email="an@example.org", biography="<p>Bio</p>")
    EventPageSpeaker.objects.create(page=page, speaker=speaker)

    data = client.get(f"/api/v2/pages/{page.pk}/").json()

    assert data["speakers"] == [
        {"name": "An Peeters", "function": "Directeur", "organisation": "Voorbeeld NV"}
    ]


def test_a_full_event_says_new_registrants_join_the_waiting_list(event, register, client):
    register(event, person(1))
    register(event, person(2))

    html = client.get(event.url).content.decode()

    assert event_counts(event=event).is_full
    assert "Op de wachtlijst" in html


def test_public_list_leaves_out_objectors_and_waiting_and_ends_with_the_event(event, register):
    register(event, person(1))
    register(event, person(2, hide_from_participant_list="on"))
    register(event, person(3))

    for registration in Registration.objects.all():
        registration_address_confirm(registration=registration)

    names = [p.first_name for p in participants_listed(event=event)]
    assert names == ["An1"]
    assert participants_listed(event=event, now=event.end + timedelta(minutes=1)) == []


def test_an_event_without_a_list_lists_nobody(make_event, register):
    page = make_event(participant_list="off")
    register(page, person(1))
    for registration in Registration.objects.all():
        registration_address_confirm(registration=registration)

    assert participants_listed(event=page) == []


def test_answers_are_stored_under_the_fixed_keys(event, register):
    from events.models import Registration

    register(event, person(1))

    assert Registration.objects.get().answer(KEY_FIRST_NAME) == "An1"


def test_the_event_page_makes_as_many_queries_for_five_registrations_as_for_one(
    make_event, register, client
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    page = make_event(capacity=3)
    register(page, person(1))
    client.get(page.url)  # warm the caches every request shares

    with CaptureQueriesContext(connection) as one:
        client.get(page.url)
    for n in range(2, 6):
        register(page, person(n))
    with CaptureQueriesContext(connection) as five:
        client.get(page.url)

    assert len(five) == len(one)


def test_a_past_event_offers_no_calendar_file(agenda, client):
    upcoming = client.get(agenda["event"].url).text
    past = client.get(agenda["past"].url).text

    assert 'class="event__ics"' in upcoming
    assert 'class="event__ics"' not in past
    # Nor at its address, should someone have kept the link from before the event.
    ics = f"/{ICS_PATH}/"
    assert client.get(agenda["event"].url.rstrip("/") + ics).status_code == 200
    assert client.get(agenda["past"].url.rstrip("/") + ics).status_code == 404


def test_the_event_page_says_what_the_policy_says_about_minors_in_the_same_words(
    event, home, locales, client
):
    from django.utils import translation

    from privacy.policy_facts import AGE_LINE
    from tests.privacy.policy_factories import controller_identity, policy_page

    controller_identity(locales["nl"])
    policy = client.get(policy_page(home).url).content.decode()
    [stated] = re.findall(r"<p data-age-line>([^<]+)</p>", policy)

    assert stated in client.get(event.url).content.decode()
    assert "18" in stated
    # One wording, translated: the French and English pages read its translations.
    words = {}
    for code in ("nl", "fr", "en"):
        with translation.override(code):
            words[code] = str(AGE_LINE)
    assert words["nl"] == stated
    assert len(set(words.values())) == 3


def test_an_evening_event_shows_its_date_once_with_the_hours(make_event, client):
    from zoneinfo import ZoneInfo

    brussels = ZoneInfo("Europe/Brussels")
    start = timezone.now().astimezone(brussels).replace(hour=19, minute=0) + timedelta(days=9)
    page = make_event(title="Avond", start=start, end=start.replace(hour=22))

    html = client.get(page.url, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert re.search(r"\d{1,2} \w+ \d{4}, 19:00–22:00", html)


def test_a_translated_event_shows_each_speaker_in_its_language_where_translated(
    make_event, locales, client
):
    from tests.translations import translation_with_parents

    page = make_event(title="Webinar export")
    translated = SpeakerFactory(name="Els Janssens", function="Directeur")
    untranslated = SpeakerFactory(name="Marc Dubois", function="Zaakvoerder")
    for order, speaker in enumerate((translated, untranslated)):
        EventPageSpeaker.objects.create(page=page, speaker=speaker, sort_order=order)
    french_speaker = translated.copy_for_translation(locales["fr"])
    french_speaker.function = "Directrice générale"
    french_speaker.save()
    french = translation_with_parents(page, locales["fr"])
    french.save_revision().publish()

    french_html = client.get(french.url).content.decode()
    dutch_html = client.get(page.url).content.decode()

    assert "Directrice générale" in french_html and "Directeur" not in french_html
    assert french_html.index("Els Janssens") < french_html.index("Marc Dubois")
    assert "Zaakvoerder" in french_html
    assert "Directeur" in dutch_html and "Directrice" not in dutch_html

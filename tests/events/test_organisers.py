"""What organisers read: the registrations listing, the check-in list (HTML and CSV), the way
in from the event page."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from events.constants import EventKind
from events.models import Registration
from events.services import registration_cancel
from tests.events.factories import person
from tests.translations import translation_with_parents
from tests.users import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser(client, events_group):
    user = make_user("organiser", groups=[events_group])
    client.force_login(user)
    return user


@pytest.fixture
def full_event(event, register):
    """Two seats: An1 (photos yes) and An2 (objects to the list) confirmed; An3 waits;
    An4 cancelled."""
    register(event, person(1, photo_consent="on"))
    register(event, person(2, hide_from_participant_list="on"))
    register(event, person(3))
    return event


def test_the_listing_shows_status_waiting_place_objection_and_photos(client, organiser, full_event):
    html = client.get(reverse("events_registrations:event", args=[full_event.pk])).content
    html = html.decode()

    for email in ("an1@example.org", "an2@example.org", "an3@example.org"):
        assert email in html
    waiting = Registration.objects.get(submission__subject_email="an3@example.org")
    assert waiting.is_waiting
    assert html.count("w-text-positive-100") == 2  # An1's photo consent, An2's objection
    searched = client.get(
        reverse("events_registrations:event", args=[full_event.pk]), {"q": "Peeters3"}
    ).content.decode()
    assert "an3@example.org" in searched and "an1@example.org" not in searched
    filtered = client.get(
        reverse("events_registrations:event", args=[full_event.pk]), {"status": "waiting"}
    ).content.decode()
    assert "an3@example.org" in filtered and "an2@example.org" not in filtered


def test_the_check_in_list_marks_who_refused_photos_and_leaves_out_the_rest(
    client, organiser, full_event, register
):
    register(full_event, person(4))
    registration_cancel(
        registration=Registration.objects.get(submission__subject_email="an1@example.org")
    )
    # An1 cancelled: An3 moved up. Confirmed now: An2 and An3, neither agreed to photos.
    html = client.get(reverse("events_registrations:checkin", args=[full_event.pk]))
    body = html.content.decode()

    assert html.status_code == 200
    assert "Peeters2" in body and "Peeters3" in body
    assert "Peeters1" not in body and "Peeters4" not in body
    assert body.count('class="checkin__no-photo"') == 3  # the legend and two rows
    assert "style=" not in body and "<script>" not in body
    assert "events/checkin.css" in body


def test_the_check_in_csv_has_one_line_per_confirmed_person_and_defuses_formulas(
    client, organiser, make_event, register
):
    page = make_event(title="Opleiding", kind=EventKind.TRAINING)
    register(page, person(1, photo_consent="on"))
    register(page, person(2, last_name='=HYPERLINK("http://x")'))

    response = client.get(reverse("events_registrations:checkin_csv", args=[page.pk]))

    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    # The heading, two people, then an empty row and the line that asks to delete the file.
    assert len(rows) == 5 and rows[3] == []
    assert "wis dit bestand na gebruik" in rows[4][0]
    formula, plain = rows[1], rows[2]
    assert formula[0] == '\'=HYPERLINK("http://x")'  # stays text in a spreadsheet
    assert formula[4] == "GEEN FOTO’S"
    assert plain[:2] == ["Peeters1", "An1"] and plain[4] == "ja"


def test_organisers_reach_the_registrations_from_the_event_page(
    client, organiser, event, events_group
):
    from django.contrib.auth.models import Permission
    from wagtail.models import GroupPagePermission

    GroupPagePermission.objects.create(
        group=events_group, page=event, permission=Permission.objects.get(codename="change_page")
    )
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[event.pk])).content.decode()
    assert reverse("events_registrations:event", args=[event.pk]) in edit

    client.force_login(make_user("editor", groups=[]))
    editor = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("events_registrations:index") not in editor


def test_organisers_find_an_event_by_its_title_in_any_language(
    client, organiser, make_event, locales
):
    wanted = make_event(title="Opleiding btw")
    make_event(title="Netwerkavond")
    english = translation_with_parents(wanted, locales["en"])
    english.title = "VAT training"
    english.save_revision().publish()

    listing = client.get(reverse("events_registrations:index"), {"q": "VAT"}).content.decode()

    assert reverse("events_registrations:event", args=[wanted.pk]) in listing
    assert "Netwerkavond" not in listing


def test_an_events_registrations_offer_adding_in_the_header_and_the_rest_in_its_menu(
    client, organiser, full_event
):
    """Five header buttons left the event's title no room on a desktop screen: adding stays a
    button, the lists and files sit in Wagtail's "…" menu, each still one click away."""
    html = client.get(reverse("events_registrations:event", args=[full_event.pk])).content
    header = BeautifulSoup(html, "html.parser").select_one("header")
    menu = header.select_one("[data-controller~=w-dropdown]")
    urls = {
        name: reverse(f"events_registrations:{name}", args=[full_event.pk])
        for name in ("registration_add", "checkin", "checkin_csv", "needs_csv")
    }

    assert header.find("a", href=urls.pop("registration_add")) is not None
    assert not menu.find_all(
        "a", href=reverse("events_registrations:registration_add", args=[full_event.pk])
    )
    for name, url in urls.items():
        assert menu.find("a", href=url) is not None, name

"""Who reads an event's registrations: organisers (group ``Events``) and superusers only.

Each role (anonymous, ``Editors``, ``Secretariat``, ``Recruitment``, ``Events``, superuser)
against the registrations of an event, its check-in list (HTML and CSV), a speaker link of
another training, and Wagtail's stock "Forms" views of the event page. Every refusal is
checked for what it withholds: no name, no address, nothing that tells the event exists.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission

from events.constants import EventKind
from events.models import SpeakerAccessLog
from events.services import speaker_link_create
from events.services.links import SPEAKER
from tests.events.factories import SpeakerFactory, person
from tests.users import make_user

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "Editors", "Secretariat", "Recruitment", "Events", "superuser")
ORGANISERS = {"Events", "superuser"}
SECRETS = ("Peeters1", "an1@example.org", "Zaakvoerder")


@pytest.fixture
def training(make_event, register):
    page = make_event(title="Opleiding GDPR", slug="opleiding-gdpr", kind=EventKind.TRAINING)
    register(page, person(1))
    return page


@pytest.fixture
def other_training(make_event, register):
    page = make_event(title="Opleiding export", slug="opleiding-export", kind=EventKind.TRAINING)
    register(page, person(7))
    return page


@pytest.fixture
def login(client, events_group, index):
    """Signs ``client`` in as ``role``; editors may edit and publish every event page."""

    def sign_in(role):
        if role == "anonymous":
            return None
        if role == "superuser":
            user = make_user("root", superuser=True)
        else:
            group = events_group if role == "Events" else Group.objects.get_or_create(name=role)[0]
            if role == "Editors":
                for codename in ("add_page", "change_page", "publish_page"):
                    GroupPagePermission.objects.get_or_create(
                        group=group,
                        page=index,
                        permission=Permission.objects.get(codename=codename),
                    )
            user = make_user(role.lower(), groups=[group])
        client.force_login(user)
        return user

    return sign_in


def assert_refused(client, response):
    """Signed-in non-organisers go back to the dashboard; anonymous visitors to the login."""
    assert response.status_code == 302
    location = response["Location"]
    assert location == reverse("wagtailadmin_home") or location.startswith(
        reverse("wagtailadmin_login")
    )
    body = response.content.decode() + client.get(location).content.decode()
    for secret in SECRETS:
        assert secret not in body


def _admin_urls(event):
    return {
        "events": reverse("events_registrations:index"),
        "registrations": reverse("events_registrations:event", args=[event.pk]),
        "results": reverse("events_registrations:event_results", args=[event.pk]),
        "checkin": reverse("events_registrations:checkin", args=[event.pk]),
        "checkin_csv": reverse("events_registrations:checkin_csv", args=[event.pk]),
        "speaker_links": reverse("events_registrations:speaker_links", args=[event.pk]),
    }


@pytest.mark.parametrize("role", ROLES)
def test_only_organisers_read_the_registrations(role, client, login, training):
    login(role)
    urls = _admin_urls(training)
    for name in ("events", "registrations", "results"):
        response = client.get(urls[name])
        if role in ORGANISERS:
            assert response.status_code == 200, name
        else:
            assert_refused(client, response)
    listing = client.get(urls["registrations"]).content.decode()
    assert ("an1@example.org" in listing) is (role in ORGANISERS)


@pytest.mark.parametrize("role", ROLES)
def test_only_organisers_get_the_check_in_list(role, client, login, training):
    login(role)
    urls = _admin_urls(training)
    html = client.get(urls["checkin"])
    csv = client.get(urls["checkin_csv"])
    if role in ORGANISERS:
        assert html.status_code == csv.status_code == 200
        assert "Peeters1" in html.content.decode()
        assert "Peeters1" in b"".join(csv.streaming_content).decode()
    else:
        assert_refused(client, html)
        assert_refused(client, csv)


@pytest.mark.parametrize("role", ROLES)
def test_a_refusal_does_not_tell_whether_an_event_exists(role, client, login, training):
    login(role)
    missing = training.pk + 1000
    existing = client.get(reverse("events_registrations:event", args=[training.pk]))
    absent = client.get(reverse("events_registrations:event", args=[missing]))
    if role in ORGANISERS:
        # A 404, which the site's language middleware sends on to a prefixed address.
        assert existing.status_code == 200
        assert absent.status_code in (302, 404) and "Opleiding" not in absent.content.decode()
    else:
        # The same answer, but for the address the login page would return to.
        assert existing.status_code == absent.status_code == 302
        assert existing["Location"].replace(str(training.pk), "") == absent["Location"].replace(
            str(missing), ""
        )


@pytest.mark.parametrize("role", ROLES)
def test_a_speaker_link_of_another_training_shows_nothing_of_this_one(
    role, client, login, training, other_training
):
    login(role)
    link = speaker_link_create(
        event=other_training, speaker=SpeakerFactory(), email="spreker@example.org"
    )
    url = reverse("events_speakers:speaker_list", args=[SPEAKER.token(link)])

    body = client.get(url).content.decode()

    # Whoever holds it (signed in or not) sees the other training's list, never this one's.
    assert "an7@example.org" in body
    for secret in SECRETS:
        assert secret not in body
    assert SpeakerAccessLog.objects.filter(link=link).count() == 1


@pytest.mark.parametrize("role", ROLES)
def test_wagtails_stock_forms_views_show_no_event_registrations(role, client, login, training):
    login(role)
    for url in (
        reverse("wagtailforms:index"),
        reverse("wagtailforms:list_submissions", args=[training.pk]),
        reverse("wagtailforms:list_submissions", args=[training.pk]) + "?export=csv",
    ):
        response = client.get(url)
        assert response.status_code in (200, 302), url
        body = response.content.decode()
        if response.status_code == 302:
            body += client.get(response["Location"]).content.decode()
        for secret in (*SECRETS, "Opleiding GDPR"):
            assert secret not in body

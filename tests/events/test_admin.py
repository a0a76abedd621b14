"""Editors create events in Wagtail's page editor and speakers as snippets."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_an_editor_can_open_the_new_event_form_and_the_speakers(index, admin_client):
    add = admin_client.get(
        reverse("wagtailadmin_pages:add", args=["events", "eventpage", index.pk])
    )
    speakers = admin_client.get(reverse("wagtailsnippets_events_speaker:list"))

    assert add.status_code == 200
    html = add.content.decode()
    for name in ("kind", "start", "end", "capacity", "registration_deadline", "online_url"):
        assert f'name="{name}"' in html
    assert speakers.status_code == 200


def test_event_pages_live_under_the_agenda_only(home, index):
    from events.models import EventIndexPage, EventPage

    assert EventPage.can_create_at(index)
    assert not EventPage.can_create_at(home)
    assert EventIndexPage.can_create_at(home)

"""The registrations listing has nine columns: its table scrolls in its own box, since the
admin's main area cuts off whatever passes its edge (the last columns were out of reach,
even on a laptop)."""

import re

import pytest
from django.urls import reverse

from tests.events.factories import person
from tests.users import make_user

pytestmark = pytest.mark.django_db


def test_the_registrations_table_scrolls_in_its_own_box(client, events_group, event, register):
    register(event, person(1))
    client.force_login(make_user("organiser", groups=[events_group]))

    html = client.get(reverse("events_registrations:event", args=[event.pk])).content.decode()

    assert "an1@example.org" in html
    assert re.search(r'<div class="privacy-scroll privacy-scroll--listing">\s*<table', html)

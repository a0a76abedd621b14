"""The README opens with a tour that names the demo's staff accounts: it names each account
``load_demo`` makes, with its group and its person's name, and the moderation and translation
steps."""

import io
import re
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import override_settings

from website.management.commands.load_demo import STAFF, STAFF_GROUP_DEFAULTS

README = Path(settings.BASE_DIR) / "README.md"


def _tour() -> str:
    text = README.read_text()
    start = text.index("## A tour: the first ten minutes")
    return text[start : text.index("\n## ", start + 1)]


def test_the_tour_comes_before_the_reference():
    text = README.read_text()
    assert text.index("## A tour") < text.index("## What is where")


def test_the_tour_names_every_demo_account_with_its_group_and_name():
    rows = {
        username: (group, name)
        for username, group, name in re.findall(
            r"^\| `(\w+)` \| ([^|]+?) \| ([^|]+?) \|", _tour(), re.MULTILINE
        )
    }
    expected = {
        username: (
            getattr(settings, group, STAFF_GROUP_DEFAULTS.get(group, group)),
            f"{first} {last}",
        )
        for username, group, first, last in STAFF
    }
    assert rows == expected


@override_settings(DEBUG=True)
def test_load_demo_gives_every_staff_account_the_full_name_the_tour_shows(db):
    """History, notes and a request's handler show a user's full name: the demo's staff
    have one, also those an earlier demo made without one."""
    call_command("load_demo", stdout=io.StringIO())
    users = get_user_model().objects.filter(username__in=[row[0] for row in STAFF])
    first = {user.username: user.get_full_name() for user in users}
    users.update(first_name="", last_name="")
    call_command("load_demo", stdout=io.StringIO())

    again = {user.username: user.get_full_name() for user in users}
    expected = {username: f"{first_name} {last}" for username, _g, first_name, last in STAFF}
    assert first == expected
    assert again == expected


def test_the_tour_says_how_moderation_translation_and_the_second_factor_work():
    tour = _tour()
    for words in (
        "Submit to Moderators approval",
        "Submit for review",
        "Translate",
        "ADMIN_2FA_ENFORCED=true make run",
        "Menu",
    ):
        assert words in tour, words

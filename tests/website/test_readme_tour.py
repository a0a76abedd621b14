"""The README opens with a tour that names the demo's staff accounts: it names each account
``load_demo`` makes, with its group, and the moderation and translation steps."""

import re
from pathlib import Path

from django.conf import settings

from website.management.commands.load_demo import STAFF, STAFF_GROUP_DEFAULTS

README = Path(settings.BASE_DIR) / "README.md"


def _tour() -> str:
    text = README.read_text()
    start = text.index("## A tour: the first ten minutes")
    return text[start : text.index("\n## ", start + 1)]


def test_the_tour_comes_before_the_reference():
    text = README.read_text()
    assert text.index("## A tour") < text.index("## What is where")


def test_the_tour_names_every_demo_account_with_its_group():
    rows = dict(re.findall(r"^\| `(\w+)` \| ([^|]+?) \|", _tour(), re.MULTILINE))
    expected = {
        username: getattr(settings, group, STAFF_GROUP_DEFAULTS.get(group, group))
        for username, group in STAFF
    }
    assert rows == expected


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

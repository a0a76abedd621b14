"""The admin speaks one Dutch: the project's own admin strings address the editor as
Wagtail's Dutch does ("je"), while the site keeps "u" for visitors."""

import re

import pytest
from django.utils import translation

# Said to staff in the admin, its sign-in and its second factor, one per plugin and the site.
ADMIN_STRINGS = [
    "Your inboxes",
    "You read no inbox yet. An administrator adds you to an inbox's group.",
    "Each download is logged with your name.",
    "You can undo the rejection until %(time)s.",
    "Each opening is logged with your name; privacy officers read the log.",
    "Enter the six-digit code your authenticator app shows now, or one of your recovery codes.",
    "Keep these codes somewhere safe, away from your phone. Each one signs you in once if you "
    "lose your authenticator app or passkey. They are shown only now.",
    "State the controller identity in this language (Privacy > Controller identity) before "
    "publishing the privacy policy.",
]
FORMAL = re.compile(r"\b(u|uw)\b", re.IGNORECASE)
INFORMAL = re.compile(r"\b(je|jij|jouw)\b", re.IGNORECASE)


def _dutch(message: str) -> str:
    with translation.override("nl"):
        return translation.gettext(message)


def test_wagtails_dutch_addresses_the_editor_as_je():
    # The form of address the project follows: if Wagtail's changes, this says so.
    said = _dutch("Enter your %(username_field_name)s")

    assert INFORMAL.search(said) and not FORMAL.search(said)


@pytest.mark.parametrize("message", ADMIN_STRINGS)
def test_the_projects_admin_strings_address_the_editor_as_wagtail_does(message):
    said = _dutch(message)

    assert said != message
    assert not FORMAL.search(said), said
    assert INFORMAL.search(said), said


def test_visitors_are_still_addressed_as_u():
    assert FORMAL.search(_dutch("Thank you. We received your message."))

"""What every e-mail to a person must carry, checked the same way for every app that sends one."""

import re

from privacy.services.preferences import preference_token_load

PREFERENCES = re.compile(r"https?://[^\s\"<>]+/my-privacy/preferences/([^/\s\"<>]+)/")


def html_part(message) -> str:
    """The HTML alternative of ``message``; fails when the mail is text only."""
    [html] = [content for content, mimetype in message.alternatives if mimetype == "text/html"]
    return html


def assert_preference_link(message, *, language: str) -> None:
    """Text and HTML both link to the recipient's own preference centre, in their language."""
    [address] = message.to
    for part in (message.body, html_part(message)):
        match = PREFERENCES.search(part)
        assert match, "no preference-centre link"
        assert f"/{language}/my-privacy/preferences/" in match.group(0)
        assert preference_token_load(token=match.group(1)) == address


def assert_no_preference_link(message) -> None:
    """A notice to staff: multipart, and no preference centre (they are not its subject)."""
    assert "/my-privacy/preferences/" not in message.body + html_part(message)

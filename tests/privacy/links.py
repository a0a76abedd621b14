"""Helpers to make links as they would look at another moment or after tampering."""

import re
import time
from contextlib import contextmanager
from unittest import mock

from django.core import signing


@contextmanager
def signed_days_ago(days: int):
    """Links the site makes inside this block are signed ``days`` days ago.

    Freezes the clock of Django's signing (the timestamp a token carries), so a test makes an
    old link with the site's own link-building function and never sleeps.
    """
    signed_at = signing.b62_encode(int(time.time()) - days * 86400)
    with mock.patch.object(signing.TimestampSigner, "timestamp", lambda signer: signed_at):
        yield


def aged_token(*, salt: str, payload: dict, days: int) -> str:
    """A token signed by the site's own :func:`privacy.links.link_sign`, ``days`` days ago.

    For tests of every link page at once, which have no rows to make real links for; a test
    of one app makes its links with that app's function inside :func:`signed_days_ago`.
    """
    from privacy.links import link_sign

    with signed_days_ago(days):
        return link_sign(salt=salt, payload=payload)


def tampered(token: str) -> str:
    """The token with one character of its payload changed."""
    position = 2
    swapped = "A" if token[position] != "A" else "B"
    return token[:position] + swapped + token[position + 1 :]


def token_in(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[1]


def without_csrf_token(response) -> str:
    """The page without its CSRF token, which differs on every response by design."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())

"""Helpers to make links as they would look at another moment or after tampering."""

import re
import time

from django.core import signing


class _SignedAt(signing.TimestampSigner):
    def __init__(self, *, seconds_ago: int, **kwargs):
        super().__init__(**kwargs)
        self.seconds_ago = seconds_ago

    def timestamp(self):
        return signing.b62_encode(int(time.time()) - self.seconds_ago)


def aged_token(*, salt: str, payload: dict, days: int) -> str:
    """A genuine token for ``payload``, signed ``days`` days ago."""
    signer = _SignedAt(seconds_ago=days * 86400, salt=salt)
    return signer.sign_object(payload, compress=True)


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

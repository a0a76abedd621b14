"""Signed links in e-mails: who may open a page is proven by holding its link.

Each kind of link has its own salt, so a token made for one page never opens another, and its
own lifetime. A tampered token and an expired one are told apart so the page can say which.
"""

from __future__ import annotations

import hashlib
import secrets
from urllib.parse import urljoin

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation


class LinkInvalid(Exception):
    """The link was altered, cut short or made for another page."""


class LinkExpired(LinkInvalid):
    """The link is genuine but older than its lifetime allows."""


def link_sign(*, salt: str, payload: dict) -> str:
    return signing.dumps(payload, salt=salt, compress=True)


def link_load(*, salt: str, token: str, max_age_days: int) -> dict:
    try:
        payload = signing.loads(token, salt=salt, max_age=max_age_days * 86400)
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except signing.BadSignature as error:
        raise LinkInvalid from error
    if not isinstance(payload, dict):
        raise LinkInvalid
    return payload


def random_token() -> tuple[str, str]:
    """A random token for a link, and the hash to store instead of it."""
    token = secrets.token_urlsafe(32)
    return token, token_hash(token)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def absolute_url(*, name: str, locale: str, kwargs: dict | None = None) -> str:
    """The public address of a named URL under ``locale``'s language prefix.

    For a page, use Wagtail's ``page.get_full_url(request)``; this is for the views e-mails
    link to, which are not pages.
    """
    with translation.override(locale):
        path = reverse(name, kwargs=kwargs)
    return urljoin(settings.SITE_BASE_URL, path)


def admin_url(*, name: str, args: list | tuple = ()) -> str:
    """The address of an admin view, for notices to staff (Wagtail's ``WAGTAILADMIN_BASE_URL``)."""
    return urljoin(settings.WAGTAILADMIN_BASE_URL, reverse(name, args=args))

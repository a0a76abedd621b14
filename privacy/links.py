"""Signed links in e-mails: who may open a page is proven by holding its link.

Each kind of link has its own salt, so a token made for one page never opens another, and its
own lifetime. A tampered token and an expired one are told apart so the page can say which.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import unquote, urljoin, urlsplit

from django.core import signing
from django.db.models import Model, QuerySet
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone, translation

from . import conf


class LinkInvalid(Exception):
    """The link was altered, cut short or made for another page."""


class LinkExpired(LinkInvalid):
    """The link is genuine but older than its lifetime allows."""


class LinkUsed(LinkInvalid):
    """The link was genuine, for one use only, and has been used."""


class LinkRestricted(LinkInvalid):
    """The link is genuine, but its person restricted the processing of their data (GDPR
    art. 18): nothing that would keep their data longer happens until that is lifted."""


def link_sign(*, salt: str, payload: dict) -> str:
    """A signed token for ``payload``: ids and dates only, since anyone holding the link can
    decode it. An address goes in an :class:`~privacy.models.EmailLink` instead."""
    if any(isinstance(value, str) and "@" in value for value in payload.values()):
        raise ValueError("A signed link carries no address: use email_link_issue().")
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


def _stamp(value) -> str:
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def row_token(*, salt: str, row: Model, stamps: Sequence[str] = ()) -> str:
    """A signed token naming ``row`` by its id, for a link in an e-mail.

    ``stamps`` names fields whose value the token records as it is now (a submission time, a
    renewal date): once one of them changes, the link names nothing any more, so a link that
    was used, renewed meanwhile or made for an earlier row with the same id changes nothing.
    """
    payload = {"pk": row.pk, **{name: _stamp(getattr(row, name)) for name in stamps}}
    return link_sign(salt=salt, payload=payload)


def row_from_token(
    *, salt: str, token: str, queryset: QuerySet, max_age_days: int, stamps: Sequence[str] = ()
) -> Model:
    """The row of ``queryset`` a :func:`row_token` names, while its ``stamps`` still hold what
    they held when it was signed; ``LinkExpired`` past ``max_age_days``, ``LinkInvalid`` when
    altered, gone or changed since."""
    payload = link_load(salt=salt, token=token, max_age_days=max_age_days)
    row = queryset.filter(pk=payload.get("pk")).first()
    if row is None or any(_stamp(getattr(row, name)) != payload.get(name) for name in stamps):
        raise LinkInvalid
    return row


@dataclass(frozen=True)
class RowLink:
    """One kind of signed link about a row: the view it opens (a URL name taking ``token``),
    its salt, its lifetime in days (read when a link is opened) and the fields it stamps
    (:func:`row_token`). An app declares each kind once and makes and reads links through it."""

    salt: str
    view: str
    max_age_days: Callable[[], int]
    stamps: tuple[str, ...] = ()

    def token(self, row: Model) -> str:
        """The signed token of ``row``'s link, as :meth:`url` puts it in the address."""
        return row_token(salt=self.salt, row=row, stamps=self.stamps)

    def url(self, row: Model, *, locale: str, view: str = "") -> str:
        """The absolute address of ``row``'s link, under ``locale``'s language prefix; ``view``
        is another page the same link opens (an event's cancel and choices pages)."""
        token = self.token(row)
        return absolute_url(name=view or self.view, locale=locale, kwargs={"token": token})

    def row(self, *, token: str, queryset: QuerySet) -> Model:
        """The row of ``queryset`` the link names (:func:`row_from_token`)."""
        return row_from_token(
            salt=self.salt,
            token=token,
            queryset=queryset,
            max_age_days=self.max_age_days(),
            stamps=self.stamps,
        )


def random_token() -> tuple[str, str]:
    """A random token for a link, and the hash to store instead of it."""
    token = secrets.token_urlsafe(32)
    return token, token_hash(token)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


# What a masked token reads as in a recorded route.
# The mask, not a secret.
TOKEN_MASK = "[token]"  # noqa: S105  # nosec B105
# Page slugs are lower-case words joined by hyphens; a long segment of any other shape (a
# signed value ``.eJx…:1v…``, a random token mixing cases) is taken for a secret even where no
# URL pattern names it (a page of another language, an app's own route).
_SLUG = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_SECRET_MIN_LENGTH = 20


def _looks_secret(segment: str) -> bool:
    return len(segment) >= _SECRET_MIN_LENGTH and (
        segment != segment.lower() or not _SLUG.fullmatch(segment)
    )


def route_without_secrets(url: str) -> str:
    """The path of ``url`` with what a link's holder alone may know taken out.

    No scheme, host, query or fragment (e-mail links and campaign tags travel there), and
    each path segment that a URL pattern takes as a token, or that looks like one, replaced
    by ``[token]``: consent proofs and logs record where a choice was made, never a working
    link or the address it names.
    """
    path = urlsplit(url or "").path or "/"
    secrets_in_path = set()
    try:
        match = resolve(path)
    except Resolver404:
        match = None
    if match is not None:
        secrets_in_path = {
            str(value) for name, value in match.kwargs.items() if "token" in name and value
        }
    segments = [
        TOKEN_MASK
        if segment in secrets_in_path
        or unquote(segment) in secrets_in_path
        or _looks_secret(unquote(segment))
        else segment
        for segment in path.split("/")
    ]
    return "/".join(segments)


def email_link_issue(*, kind: str, email: str, days: int) -> str:
    """A new opaque token that opens ``kind``'s page for ``email`` for ``days`` days."""
    from .models import EmailLink

    token, hashed = random_token()
    now = timezone.now()
    EmailLink.objects.create(
        kind=kind,
        email=email,
        token_hash=hashed,
        created_at=now,
        expires_at=now + timedelta(days=days),
    )
    return token


def email_link_load(*, kind: str, token: str) -> str:
    """The address a token of ``kind`` was issued for; raises ``LinkInvalid``/``LinkExpired``."""
    from .models import EmailLink

    link = EmailLink.objects.filter(kind=kind, token_hash=token_hash(token or "")).first()
    if link is None:
        raise LinkInvalid
    if link.expires_at <= timezone.now():
        raise LinkExpired
    return link.email


def link_spend(*, token: str, until) -> None:
    """Remember that a one-use link was used, so opening it again says so (``LinkUsed``)."""
    from .models import SpentLink

    now = timezone.now()
    SpentLink.objects.filter(expires_at__lte=now).delete()
    SpentLink.objects.get_or_create(
        token_hash=token_hash(token), defaults={"spent_at": now, "expires_at": until}
    )


def link_refuse_spent(*, token: str) -> None:
    """Raise ``LinkUsed`` when the one-use link ``token`` was used already."""
    from .models import SpentLink

    if SpentLink.objects.filter(token_hash=token_hash(token or "")).exists():
        raise LinkUsed


def absolute_url(*, name: str, locale: str, kwargs: dict | None = None) -> str:
    """The public address of a named view under ``locale``'s language prefix.

    One convention for every absolute address the plugins write: a page's is Wagtail's
    ``page.get_full_url(request)``, and a view that is not a page (the ones e-mails link to)
    joins the same root, the default Wagtail site's.
    """
    with translation.override(locale):
        path = reverse(name, kwargs=kwargs)
    return urljoin(site_root_url(), path)


def site_root_url() -> str:
    """The default Wagtail site's root address, which ``page.get_full_url()`` uses too."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site is not None else conf.site_base_url()


def admin_url(*, name: str = "", args: list | tuple = (), path: str = "") -> str:
    """The address of an admin view (by URL ``name``, or its ``path``), for notices to staff
    (Wagtail's ``WAGTAILADMIN_BASE_URL``)."""
    return urljoin(conf.admin_base_url(), path or reverse(name, args=args))

"""Tell the CDN and the front-ends when a page changes: publish, unpublish, move, delete.

Each change is announced once, after the transaction that made it commits, by
:func:`page_change_announce`: it purges the page's old and new addresses through
``wagtail.contrib.frontend_cache`` (the backend ``WAGTAILFRONTENDCACHE`` names: HTTP purge,
Cloudflare or CloudFront; none configured, nothing to purge) and POSTs a signed webhook to
every ``HEADLESS_WEBHOOK_URLS`` entry, so a static front-end rebuilds what changed.

For now the announcement runs in the editor's request, each webhook with a short timeout
(``HEADLESS_WEBHOOK_TIMEOUT``, 3 seconds); a front-end that does not answer is logged and
never stops a publication. :func:`page_change_dispatch` is the one place that decides when
it runs, so moving it onto a task queue changes that one line.

The webhook's body is JSON, ``{"action", "page_id", "locale", "old_path", "new_path",
"timestamp"}``; ``X-Webhook-Timestamp`` repeats the time and ``X-Webhook-Signature`` is
``sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" with HEADLESS_WEBHOOK_SECRET>``. A receiver
recomputes it and refuses a signature that differs or a timestamp older than a few minutes
(a replay). A move or a delete also concerns the pages below: the body names the page moved
or deleted, and a front-end rebuilds the paths under ``old_path`` and ``new_path``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
import urllib.request
from dataclasses import asdict, dataclass
from typing import Literal
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.db import transaction
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

logger = logging.getLogger(__name__)

Action = Literal["publish", "unpublish", "move", "delete"]
SIGNATURE_HEADER = "X-Webhook-Signature"
TIMESTAMP_HEADER = "X-Webhook-Timestamp"


@dataclass(frozen=True)
class PageChange:
    action: Action
    page_id: int
    locale: str
    old_path: str | None
    new_path: str | None


def page_path(page: Page, url_path: str | None = None) -> str | None:
    """Where ``page`` is (or was, at ``url_path``) seen on the site: ``/fr/a-propos/``."""
    if url_path is not None:
        page = Page(
            id=page.id,
            url_path=url_path,
            locale_id=page.locale_id,
            path=page.path,
            depth=page.depth,
        )
    parts = page.get_url_parts()
    return parts[2] if parts else None


def webhook_signature(*, secret: str, timestamp: str, body: bytes) -> str:
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return f"sha256={digest.hexdigest()}"


def webhook_send(*, url: str, change: PageChange, secret: str, timeout: float) -> bool:
    """POST ``change`` to one front-end; True when it answered 2xx."""
    if urlsplit(url).scheme not in ("http", "https"):
        logger.error("Webhook address %s is not http(s); skipped", url)
        return False
    timestamp = str(int(time.time()))
    body = json.dumps({**asdict(change), "timestamp": int(timestamp)}).encode()
    request = urllib.request.Request(  # noqa: S310 (http(s) only, checked above)
        url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            TIMESTAMP_HEADER: timestamp,
            SIGNATURE_HEADER: webhook_signature(secret=secret, timestamp=timestamp, body=body),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310  # nosec B310
            return 200 <= response.status < 300
    except (OSError, ValueError) as error:
        # A front-end down or slow must not stop the editor's publication.
        logger.warning("Webhook to %s for page %s failed: %s", url, change.page_id, error)
        return False


def page_change_announce(*, change: PageChange) -> None:
    """Purge the CDN's copies of the page and tell every front-end what changed."""
    base = settings.WAGTAILADMIN_BASE_URL
    urls = [urljoin(base, path) for path in {change.old_path, change.new_path} if path]
    if urls and getattr(settings, "WAGTAILFRONTENDCACHE", None):
        purge_urls_from_cache(urls)
    secret = getattr(settings, "HEADLESS_WEBHOOK_SECRET", "")
    timeout = getattr(settings, "HEADLESS_WEBHOOK_TIMEOUT", 3.0)
    for url in getattr(settings, "HEADLESS_WEBHOOK_URLS", ()):
        webhook_send(url=url, change=change, secret=secret, timeout=timeout)


def page_change_dispatch(change: PageChange) -> None:
    """When the announcement runs: after the commit, in this request (a task, later)."""
    transaction.on_commit(lambda: page_change_announce(change=change))


def _locale(page: Page) -> str:
    return page.locale.language_code


def _slug_changed(sender, instance, instance_before, **kwargs) -> None:
    # Published with a new slug: the old address is gone. Wagtail says so once the publication
    # commits, on the page object page_published names; _published reads it then.
    instance._headless_old_path = page_path(instance_before)


def _published(sender, instance, **kwargs) -> None:
    new_path = page_path(instance)

    def announce() -> None:
        old_path = getattr(instance, "_headless_old_path", None) or new_path
        page_change_dispatch(
            PageChange("publish", instance.pk, _locale(instance), old_path, new_path)
        )

    # Registered after Wagtail's page_slug_changed callback (sent from save(), before this
    # signal), so it runs after it.
    transaction.on_commit(announce)


def _unpublished(sender, instance, **kwargs) -> None:
    # Wagtail unpublishes a live page before deleting it (pre_delete): whether it was a
    # deletion is known once the change is committed.
    path = page_path(instance)
    page_id, locale = instance.pk, _locale(instance)

    def announce() -> None:
        action = "unpublish" if Page.objects.filter(pk=page_id).exists() else "delete"
        page_change_dispatch(PageChange(action, page_id, locale, path, None))

    transaction.on_commit(announce)


def _moved(sender, instance, url_path_before, url_path_after, **kwargs) -> None:
    if not instance.live or url_path_before == url_path_after:
        return
    page_change_dispatch(
        PageChange(
            "move",
            instance.pk,
            _locale(instance),
            page_path(instance, url_path_before),
            page_path(instance, url_path_after),
        )
    )


def connect() -> None:
    page_slug_changed.connect(_slug_changed, dispatch_uid="headless-slug")
    page_published.connect(_published, dispatch_uid="headless-published")
    page_unpublished.connect(_unpublished, dispatch_uid="headless-unpublished")
    post_page_move.connect(_moved, dispatch_uid="headless-moved")

"""Versions in the shared cache: what a change retires, every process sees at its next request.

What many requests read and few changes touch (a form's definitions, whether any address's
processing is restricted) is cached under a version kept in the shared cache. A change
replaces the version at once, and again when it commits: in between, another process may
read the new version with the old rows and cache them under it. A value cached under a
version it did not read first is never trusted, so the cache needs no locking; a cache that
keeps no version (its server away) makes :func:`version_read` raise, and callers read the
database instead.
"""

from __future__ import annotations

import logging
import uuid

from django.db import transaction

logger = logging.getLogger(__name__)


def version_read(cache, key: str) -> str:
    """The version kept under ``key``, made when there is none yet; ``ConnectionError``
    when the cache keeps nothing."""
    version = cache.get(key)
    if version is None:
        cache.add(key, uuid.uuid4().hex, None)
        version = cache.get(key)
    if version is None:
        # A cache that answers a miss while its server is away keeps nothing: a value kept
        # under no version would outlive a change.
        raise ConnectionError("The cache keeps no version")
    return version


def version_replace(cache, key: str) -> None:
    """Replace the version under ``key`` now; logged, never raised, when the cache is away."""
    try:
        cache.set(key, uuid.uuid4().hex, None)
    except Exception:
        logger.exception("Could not replace the cached version %s", key)


def version_retire(retire, *, using=None) -> None:
    """Run ``retire`` (which replaces a version) now and again once the change commits."""
    retire()
    transaction.on_commit(retire, using=using)

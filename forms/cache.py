"""What every submission of a form page reads, kept in the shared cache between edits.

A form's field list (with each field's purpose and locale) and its inbox (with the inbox's
purpose) change only when an editor saves them, yet every request of the page reads them.
They are cached under a version key that any save or delete of a form field, inbox or
purpose replaces, so the next request reads the database again: no edit is ever served
stale, in any worker, as long as the cache is shared (``FORMS_CACHE``, the default cache).

A request reads the version once, at its first use, and keeps it until it ends
(:mod:`privacy.memo`): a page asks for several definitions, and each would otherwise ask the
cache again. Every request starts without it, so an edit made through any process shows at
the next request of every other; an edit made in this request replaces it at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import caches

from privacy.memo import request_memo, request_memo_forget
from privacy.versions import version_read, version_replace, version_retire

from . import conf

logger = logging.getLogger(__name__)

VERSION_KEY = "forms:definitions:version"
# An edit replaces the version at once; the timeout only bounds what an idle cache keeps.
TIMEOUT = 60 * 60


def _cache():
    return caches[conf.cache_alias()]


def _version_key() -> tuple:
    return ("forms", "version", conf.cache_alias())


def _version(cache) -> str:
    # Read once per request (privacy's per-request memo), at every call outside one.
    return request_memo(_version_key(), lambda: _version_read(cache))


def _version_read(cache) -> str:
    return version_read(cache, VERSION_KEY)


def version() -> str | None:
    """The current version of all form definitions; None when the cache cannot say."""
    try:
        return _version(_cache())
    except Exception:
        return None


# Built form classes, per process: a class is made from cached definitions and settings, so
# its key holds the definitions' version and the settings object in force.
_form_classes: dict[tuple, type] = {}
FORM_CLASSES_KEPT = 256


def form_class(key: tuple, build: Callable[[], type]) -> type:
    """The form class for ``key`` as of the latest edit, built once per process."""
    current = version()
    if current is None:
        return build()
    full_key = (*key, current, id(settings._wrapped))
    found = _form_classes.get(full_key)
    if found is None:
        if len(_form_classes) >= FORM_CLASSES_KEPT:
            _form_classes.clear()
        found = _form_classes[full_key] = build()
    return found


# Values already read, per process, so a request pays one cache read (the version), not
# the unpickling of a field list. Shared between requests: callers only read them.
_values: dict[str, Any] = {}
VALUES_KEPT = 512


def cached(key: str, compute: Callable[[], Any]) -> Any:
    """``compute()``'s value for ``key`` as of the latest edit of any form definition."""
    cache = _cache()
    try:
        full_key = f"forms:{key}:{_version(cache)}"
        value = _values.get(full_key)
        if value is None:
            value = cache.get(full_key)
    except Exception:
        # A cache outage slows the forms down; it must not take them down.
        return compute()
    if value is None:
        value = compute()
        try:
            cache.set(full_key, value, TIMEOUT)
        except Exception:
            logger.warning("Could not cache %s", key, exc_info=True)
    if len(_values) >= VALUES_KEPT:
        _values.clear()
    _values[full_key] = value
    return value


def definitions_changed(using=None, **kwargs) -> None:
    """Signal receiver: a form field, an inbox or a purpose was saved or deleted.

    The version is replaced at once, and again when the change commits
    (:func:`privacy.versions.version_retire`); cached copies expire after ``TIMEOUT`` at
    the latest when the cache could not take it.
    """
    version_retire(_retire, using=using)


def _retire() -> None:
    # This request reads the new version, whether or not the cache took it.
    request_memo_forget(_version_key())
    version_replace(_cache(), VERSION_KEY)

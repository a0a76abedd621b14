"""The shared cache (Redis) as pages use it: something that speeds them up, never something
they need.

Django's Redis backend raises when Redis does not answer, so every page that reads a cached
menu, a form definition or the privacy policy's address would fail with it. This backend
answers a miss instead: reads return the default, writes are dropped and ``add`` adds
nothing, and the page is built from the database as on an empty cache. ``incr`` still
raises: a counter's caller must know it counted nothing (the rate limit then counts in the
process, ``privacy.ratelimit``), and a miss would pass for a count.

After a failure, the process leaves Redis alone for ``RETRY_SECONDS``: a Redis that hangs
rather than refuses would otherwise cost every cache call its socket timeout. ``/healthz``
asks Redis on every probe (:func:`outage_forget`), so it reports the outage while pages are
served, and its first success ends the pause for the pages too.

Each release keeps its values under its own ``KEY_PREFIX`` (``RELEASE``): during a rolling
deploy the old and the new code share Redis, and a value pickled by one may not load, or
mean the same, in the other. Yet an edit must reach both: the menus, forms and consent
texts they cache are forgotten by ``set`` and ``delete``. So every release that writes is
listed in Redis, and ``set``, ``set_many``, ``delete`` and ``delete_many`` also delete the
same keys under the other listed releases (they read the database again, as on a miss).
Counters (``incr``) stay with their release: during a deploy a client's rate limit counts
per release, as it does per process while Redis is away.
"""

from __future__ import annotations

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5.0
OUTAGES = (RedisConnectionError, RedisTimeoutError)

# Until when each Redis (by its location) is left alone, for every thread of the process.
_down_until: dict[str, float] = {}

# The releases that wrote to this Redis, most recent last (outside every release's prefix).
RELEASES_KEY = "website:cache:releases"
RELEASES_KEPT = 8
WRITES = ("add", "set", "set_many", "delete", "delete_many")


def outage_forget() -> None:
    """Ask Redis again at the next call, whatever failed before (the health probe's call)."""
    _down_until.clear()


class OutageTolerantRedisCache(RedisCache):
    """Django's ``RedisCache``; while Redis does not answer, a cache that keeps nothing."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._location = str(server)

    # The outage ---------------------------------------------------------------------------

    def _down(self) -> bool:
        until = _down_until.get(self._location)
        return until is not None and time.monotonic() < until

    def _failed(self, operation: str) -> None:
        if self._location not in _down_until:
            # The address may hold a password: it is not logged.
            logger.warning(
                "The shared cache does not answer (%s); pages are served without it", operation
            )
        _down_until[self._location] = time.monotonic() + RETRY_SECONDS

    def _answered(self) -> None:
        if _down_until.pop(self._location, None) is not None:
            logger.warning("The shared cache answers again")

    def _call(self, operation: str, fallback, *args, forget=(), **kwargs):
        """``operation`` on this release's keys; ``forget``: keys the other releases lose."""
        if self._down():
            return fallback
        try:
            others = self._releases_other() if operation in WRITES else []
            result = getattr(super(), operation)(*args, **kwargs)
            if others and forget:
                version = self.version if kwargs.get("version") is None else kwargs["version"]
                self._cache.get_client(write=True).delete(
                    *(self.key_func(key, other, version) for other in others for key in forget)
                )
        except OUTAGES:
            self._failed(operation)
            return fallback
        self._answered()
        return result

    # Releases ---------------------------------------------------------------------------------

    def _releases_other(self) -> list[str]:
        """List this release as writing (before it stores anything), and name the others."""
        pipeline = self._cache.get_client(write=True).pipeline()
        pipeline.zadd(RELEASES_KEY, {self.key_prefix: time.time()})
        pipeline.zremrangebyrank(RELEASES_KEY, 0, -RELEASES_KEPT - 1)
        pipeline.zrange(RELEASES_KEY, 0, -1)
        *_, listed = pipeline.execute()
        return [name for name in (item.decode() for item in listed) if name != self.key_prefix]

    # Reads answer a miss, writes are dropped ----------------------------------------------

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version=version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version=version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version=version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", False, key, value, timeout, version=version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._call("set", None, key, value, timeout, forget=[key], version=version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        # Django's contract: the keys that were not stored.
        return self._call("set_many", list(data), data, timeout, forget=list(data), version=version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version=version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, forget=[key], version=version)

    def delete_many(self, keys, version=None):
        self._call("delete_many", None, keys, forget=list(keys), version=version)

    # Counters must know ----------------------------------------------------------------------

    def incr(self, key, delta=1, version=None):
        if self._down():
            raise RedisConnectionError("The shared cache does not answer")
        try:
            result = super().incr(key, delta, version=version)
        except OUTAGES:
            self._failed("incr")
            raise
        self._answered()
        return result

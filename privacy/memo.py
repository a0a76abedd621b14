"""What one request reads several times is read once: the plugins' one per-request memo.

A page asks several times for what cannot change while it is being answered (the form
definitions' version in the shared cache, the cookie banner's state for this visitor), and
each read costs a cache round trip or more. Between Django's ``request_started`` and
``request_finished`` (connected in :class:`privacy.apps.PrivacyConfig`) each thread holds a
dict of values, and :func:`request_memo` returns the one kept under a key or computes and
keeps it. Every request starts empty, so an edit made through any process shows at the next
request of every other; what an edit in this request retires goes with
:func:`request_memo_forget`.

Outside a request (a command, a task, a test calling a service) nothing is kept: every call
computes. A computation that raises keeps nothing either. Keys are tuples that start with
the app's name (``("forms", "version", alias)``), so apps never take each other's.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Any

# The current request's values, per thread; None (or unset) outside a request.
_request = threading.local()


def request_started(**kwargs) -> None:
    """Signal receiver: a request begins, remembering nothing yet."""
    _request.values = {}


def request_finished(**kwargs) -> None:
    """Signal receiver: the request is over; nothing read in it is kept."""
    _request.values = None


def request_memo(key: Hashable, compute: Callable[[], Any]) -> Any:
    """``compute()``'s value, computed once per request under ``key``; every time outside."""
    values = getattr(_request, "values", None)
    if values is None:
        return compute()
    if key in values:
        return values[key]
    value = values[key] = compute()
    return value


def request_memo_forget(key: Hashable) -> None:
    """Let the rest of this request compute ``key`` again (what it held was just changed)."""
    values = getattr(_request, "values", None)
    if values is not None:
        values.pop(key, None)

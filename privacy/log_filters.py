"""Keep tokens out of logs: Django's request log writes every path it answers.

A confirmation, preference or answer link carries a token in its path (or query); a 404 or
400 for it would otherwise put the token, which opens that person's data until it expires,
into every log line and log store. Each address in a record's message is written as
:func:`privacy.links.route_without_secrets` writes it for consent proofs (the one rule for
what a link's holder alone may know): no query, and token segments as ``[token]``. Attach
:class:`TokenMaskFilter` to the handlers::

    LOGGING["filters"] = {"mask_tokens": {"()": "privacy.log_filters.TokenMaskFilter"}}
    LOGGING["handlers"]["console"]["filters"] = ["mask_tokens"]
"""

from __future__ import annotations

import logging
import re

#: An address in a message: a full URL, or a path starting a word ("Not Found: /nl/…").
_ADDRESS = re.compile(r"""(?:https?://[^\s"'<>]+|(?<![\w.~/])/[^\s"'<>]*)""")


def token_mask(text: str) -> str:
    """``text`` with every address in it reduced to its route, tokens masked."""
    from .links import route_without_secrets

    def route(match: re.Match) -> str:
        address = match.group(0)
        masked = route_without_secrets(address)
        # A plain path keeps its shape; only what could hold a secret changes.
        return address if masked == address else masked

    return _ADDRESS.sub(route, text)


class TokenMaskFilter(logging.Filter):
    """Rewrites a record's message with its tokens masked; never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record is logging's to report, not ours
            return True
        masked = token_mask(message)
        if masked != message:
            record.msg, record.args = masked, ()
        return True

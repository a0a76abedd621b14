"""Keep signed tokens out of logs: Django's request log writes every path it answers.

A confirmation, preference or answer link carries a signed token in its path (or query); a
404 or 400 for it would otherwise put the token, which opens that person's data until it
expires, into every log line and log store. Attach :class:`TokenMaskFilter` to the handlers::

    LOGGING["filters"] = {"mask_tokens": {"()": "privacy.log_filters.TokenMaskFilter"}}
    LOGGING["handlers"]["console"]["filters"] = ["mask_tokens"]
"""

from __future__ import annotations

import logging
import re

MASK = "[token]"

#: Django's signing format (``payload:timestamp:signature``, base64url), as a path segment or
#: a query value; and any ``token=``/``signature=`` query parameter.
_SIGNED = re.compile(r"(?<=[/=])[A-Za-z0-9_\-.]{8,}:[A-Za-z0-9_\-]{4,}(?::[A-Za-z0-9_\-]{8,})+")
_QUERY = re.compile(r"(?i)(?<=[?&])(token|signature|sig|key)=[^&\s\"']+")


def token_mask(text: str) -> str:
    """``text`` with every signed token replaced by ``[token]``."""
    text = _SIGNED.sub(MASK, text)
    return _QUERY.sub(lambda match: f"{match.group(1)}={MASK}", text)


class TokenMaskFilter(logging.Filter):
    """Rewrites a record's message with its tokens masked; never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = token_mask(message)
        if masked != message:
            record.msg, record.args = masked, ()
        return True

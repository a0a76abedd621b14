"""Keyed hashes of e-mail addresses, for proofs kept after the data they covered is gone.

An HMAC-SHA256 of the normalised address under ``PRIVACY_HASH_KEY``: the same address
always gives the same hash, so a proof can be matched when the person writes in again, but
without the key nobody can test guesses (a plain SHA-256 of an address is reversed by
hashing a list of addresses). Keys are rotated by moving the current one into
``PRIVACY_HASH_KEYS_OLD``: new hashes use the new key, look-ups try every key.
"""

from __future__ import annotations

import hashlib
import hmac

from . import conf


def address_hash(email: str, *, key: str | None = None) -> str:
    """The hex HMAC-SHA256 of an already normalised address, under ``key`` (default: current)."""
    secret = (key if key is not None else conf.hash_key()).encode()
    return hmac.new(secret, email.encode(), hashlib.sha256).hexdigest()


def address_hashes(email: str) -> list[str]:
    """The address's hash under the current key and every old one still accepted."""
    return [address_hash(email, key=key) for key in conf.hash_keys()]

"""Reading one Plone item: its path, parent, language, state and dates, whatever the format."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from urllib.parse import unquote, urlsplit

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

PLACEHOLDER_LANGUAGE = "##DEFAULT##"
SITE_ROOT_TYPES = frozenset({"Plone Site"})
LANGUAGE_ROOT = "LRF"
LIVE_STATES = frozenset({"published", "visible", "external", "published_internally"})
# Types that carry no workflow in Plone 6 (review_state null): public with their folder.
NO_WORKFLOW = frozenset({"File", "Image"})


def url_path(url: str) -> str:
    """The path of an ``@id`` (an absolute URL or a path), without a trailing slash."""
    path = urlsplit(url).path if "://" in url else url
    path = unquote(path).rstrip("/")
    return path or "/"


def item_path(item: dict) -> str:
    return url_path(str(item.get("@id") or ""))


def item_uid(item: dict) -> str:
    return str(item.get("UID") or "")


def parent_uid(item: dict) -> str:
    parent = item.get("parent") or {}
    return str(parent.get("UID") or "") if isinstance(parent, dict) else ""


def parent_type(item: dict) -> str:
    parent = item.get("parent") or {}
    return str(parent.get("@type") or "") if isinstance(parent, dict) else ""


def language_code(value) -> str:
    """``"nl"``, ``{"token": "nl"}``, ``""``, None or ``"##DEFAULT##"`` -> ``"nl"`` or ``""``."""
    if isinstance(value, dict):
        value = value.get("token") or ""
    value = str(value or "")
    return "" if value == PLACEHOLDER_LANGUAGE else value


def is_live(item: dict) -> bool:
    state = item.get("review_state")
    if state is None:
        return item.get("@type") in NO_WORKFLOW or "review_state" not in item
    return state in LIVE_STATES


def parse_when(value) -> datetime | None:
    """An ISO date or date-time, with or without a zone (one export mixes both); a value
    without one is in the site's time zone. Plone's "no date" markers give None."""
    if not value or not isinstance(value, str) or value.startswith(("1000-", "2499-", "2500-")):
        return None
    value = value.strip().replace(" ", "T", 1)
    try:
        when = parse_datetime(value)
    except ValueError:
        when = None
    if when is None:
        day = parse_date(value[:10]) if len(value) >= 10 else None
        if day is None:
            return None
        when = datetime(day.year, day.month, day.day)
    if timezone.is_naive(when):
        when = timezone.make_aware(when)
    return when


def text_html(item: dict, field: str = "text") -> str:
    text = item.get(field)
    if isinstance(text, dict):
        return str(text.get("data") or "")
    return str(text or "") if isinstance(text, str) else ""


def checksum(item: dict, *extra) -> str:
    """A fingerprint of the item and of what else decides its import (parent, position,
    default page, translation group), so a re-run can tell what changed."""
    digest = hashlib.sha256()
    digest.update(json.dumps(item, sort_keys=True, default=str).encode("utf-8"))
    digest.update(json.dumps(extra, sort_keys=True, default=str).encode("utf-8"))
    return digest.hexdigest()

"""schema.org descriptions embedded in a page as ``<script type="application/ld+json">``.

One helper for every app (careers' ``JobPosting``, events' ``Event``): the data is written as
JSON whose ``<``, ``>`` and ``&`` are escapes, so no text an editor types (a title holding
``</script>``) can end the element early or open a comment.
"""

from __future__ import annotations

import json

from django.utils.safestring import SafeString, mark_safe

_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def jsonld_script(data: dict) -> SafeString:
    """``data`` as a JSON-LD script element, safe to put into any page as it is."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_ESCAPES)
    # Safe: no value can contain a raw <, > or &, so none can close the element.
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308  # nosec B308 B703


def organization(site=None) -> dict:
    """The controller as a schema.org ``Organization`` (a job's employer, an event's
    organiser): its name, and the address of the ``site`` it speaks from, when given."""
    from .selectors import controller_name

    return {
        "@type": "Organization",
        "name": controller_name(),
        **({"sameAs": site.root_url} if site else {}),
    }

"""schema.org ``JobPosting`` for an open vacancy, with every property Google's job search
requires: title, description, datePosted, validThrough, hiringOrganization, jobLocation and
employmentType (validThrough only when the vacancy has a closing date: it then expires)."""

from __future__ import annotations

import json

from django.utils.safestring import mark_safe
from wagtail.rich_text import expand_db_html

from privacy.selectors import controller_name

from . import conf


def job_posting(*, page, request=None) -> dict:
    description = f"<p>{page.summary}</p>" + expand_db_html(page.description or "")
    if page.what_we_offer:
        description += expand_db_html(page.what_we_offer)
    root = page.get_site().root_url if page.get_site() else conf.site_base_url()
    posting = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": page.title,
        "description": description,
        "datePosted": page.date_posted.isoformat(),
        "employmentType": page.employment_type,
        "hiringOrganization": {
            "@type": "Organization",
            "name": controller_name(),
            "sameAs": root,
        },
        "jobLocation": {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": page.location,
                "addressCountry": page.country,
            },
        },
        "directApply": True,
        "url": page.get_full_url(request),
    }
    closes_at = page.closes_at()
    if closes_at is not None:
        posting["validThrough"] = closes_at.isoformat()
    return posting


def job_posting_script(posting: dict) -> str:
    """The JSON for a ``<script type="application/ld+json">``, safe inside HTML."""
    text = json.dumps(posting, ensure_ascii=False)
    # "</script>" or "<!--" in a text must not end the element early.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    # Escaped above for a script element.
    return mark_safe(text)  # noqa: S308  # nosec B308 B703

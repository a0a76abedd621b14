"""schema.org ``JobPosting`` for an open vacancy, with every property Google's job search
requires: title, description, datePosted, validThrough, hiringOrganization, jobLocation and
employmentType (validThrough only when the vacancy has a closing date: it then expires)."""

from __future__ import annotations

from django.utils.safestring import SafeString
from wagtail.rich_text import expand_db_html

from privacy.jsonld import jsonld_script, organization


def job_posting(*, page, request=None) -> SafeString:
    """The vacancy's ``JobPosting`` as a JSON-LD script element."""
    description = f"<p>{page.summary}</p>" + expand_db_html(page.description or "")
    if page.what_we_offer:
        description += expand_db_html(page.what_we_offer)
    posting = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": page.title,
        "description": description,
        "datePosted": page.date_posted.isoformat(),
        "employmentType": page.employment_type,
        "hiringOrganization": organization(page.get_site()),
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
    return jsonld_script(posting)

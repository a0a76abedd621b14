"""``{% cookie_consent %}``: the banner and the tags of the categories the visitor accepted.

Rendered per request in ``base.html``, outside the cached page chrome, because it depends on
the visitor's cookie. Tags of categories not accepted are in the page only as inert
``<template>`` elements, which the site's script activates the moment a category is accepted.
"""

from __future__ import annotations

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from ..selectors import policy_page_url
from ..services import cookies as cookie_services

register = template.Library()


def banner_context(request, *, next_url: str) -> dict:
    """What the banner and the cookie settings page show, for this visitor."""
    locale = translation.get_language() or ""
    setup = cookie_services.cookie_setup(locale=locale)
    choice = cookie_services.cookie_choice_current(request, version=setup.version)
    gpc = cookie_services.gpc_enabled(request)
    gpc_refused = set(cookie_services.gpc_refused_categories()) if gpc else set()
    accepted = set(choice.accepted) if choice else set()
    return {
        "request": request,
        "setup": setup,
        "choice": choice,
        "ask": choice is None,
        "gpc": gpc,
        "categories": [
            {
                "category": category,
                "accepted": category.is_essential or category.key in accepted,
                "gpc_refused": category.key in gpc_refused,
            }
            for category in setup.categories
        ],
        "next_url": next_url,
        "policy_url": policy_page_url(locale=locale),
        "api_url": reverse("website-api:cookie_consent_api"),
    }


@register.simple_tag(takes_context=True)
def cookie_consent(context):
    """The banner (open on a first visit, hidden but ready to reopen after a choice), the
    accepted categories' tags, inert copies of the others' and the script that drives them."""
    request = context.get("request")
    if request is None:
        return ""
    ctx = banner_context(request, next_url=request.get_full_path())
    match = getattr(request, "resolver_match", None)
    # The settings page is the banner's second layer already.
    ctx["show_banner"] = not (match and match.url_name in ("cookie_settings", "cookie_consent"))
    accepted = {entry["category"].key for entry in ctx["categories"] if entry["accepted"]}
    tags = ctx["setup"].tags
    ctx["active_tags"] = [tag for key in sorted(accepted) for tag in tags.get(key, ())]
    ctx["inert_tags"] = [
        (key, category_tags)
        for key, category_tags in tags.items()
        if key != cookie_services.ESSENTIAL
    ]
    return render_to_string("privacy/includes/cookie_consent.html", ctx, request)

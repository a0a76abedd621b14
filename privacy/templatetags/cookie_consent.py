"""``{% cookie_consent %}``: the banner and the tags of the categories the visitor accepted.

Rendered per request in ``base.html``, outside the cached page chrome, because it depends on
the visitor's cookie. Tags of categories not accepted are in the page only as inert
``<template>`` elements, which the site's script activates the moment a category is accepted.
"""

from __future__ import annotations

from django import template
from django.template.loader import render_to_string
from django.utils import translation

from ..models import Tag
from ..selectors import policy_page_url
from ..services import cookies as cookie_services

register = template.Library()


def banner_context(request, *, next_url: str) -> dict:
    """What the banner and the cookie settings page show, for this visitor."""
    locale = translation.get_language() or ""
    choice = cookie_services.cookie_choice_current(request)
    gpc = cookie_services.gpc_enabled(request)
    gpc_refused = set(cookie_services.gpc_refused_categories()) if gpc else set()
    categories = cookie_services.cookie_categories(locale=locale)
    accepted = set(choice.accepted) if choice else set()
    return {
        "request": request,
        "choice": choice,
        "ask": choice is None,
        "gpc": gpc,
        "gpc_refused": [c for c in categories if c.key in gpc_refused],
        "categories": [
            {
                "category": category,
                "accepted": category.is_essential or category.key in accepted,
                "gpc_refused": category.key in gpc_refused,
            }
            for category in categories
        ],
        "next_url": next_url,
        "policy_url": policy_page_url(locale=locale),
        "api_url": "/api/privacy/cookie-consent",
    }


def _tags_by_category() -> dict[str, list[Tag]]:
    tags: dict[str, list[Tag]] = {}
    for tag in Tag.objects.filter(live=True).select_related("category").order_by("pk"):
        tags.setdefault(tag.category.key, []).append(tag)
    return tags


@register.simple_tag(takes_context=True)
def cookie_consent(context):
    request = context.get("request")
    if request is None:
        return ""
    if getattr(request, "resolver_match", None) and request.resolver_match.url_name in (
        "cookie_settings",
        "cookie_consent",
    ):
        # The settings page is the banner's second layer already.
        show_banner = False
    else:
        show_banner = True
    ctx = banner_context(request, next_url=request.get_full_path())
    accepted = {entry["category"].key for entry in ctx["categories"] if entry["accepted"]}
    tags = _tags_by_category()
    ctx["show_banner"] = show_banner
    ctx["active_tags"] = [tag for key in accepted for tag in tags.get(key, [])]
    ctx["inert_tags"] = [
        (key, category_tags)
        for key, category_tags in tags.items()
        if key != cookie_services.ESSENTIAL
    ]
    return render_to_string("privacy/includes/cookie_consent.html", ctx, request)

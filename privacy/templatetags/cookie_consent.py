"""``{% cookie_consent %}``: the banner and the tags of the categories the visitor accepted.

Rendered per request in ``base.html``, outside the cached page chrome, because it depends on
the visitor's cookie. Tags of categories not accepted are in the page only as inert
``<template>`` elements, which the site's script activates the moment a category is accepted.
"""

from __future__ import annotations

import functools

from django import template
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, get_resolver, get_urlconf, reverse
from django.utils import translation

from .. import conf
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
        "api_url": cookie_consent_api_url(),
    }


def cookie_consent_api_url() -> str:
    """Where the banner's script records a choice: ``privacy.api_cookies``' route, in the API
    the site mounted it in.

    The site names its API's namespace as it likes (``PRIVACY_API_NAMESPACE``; unset, the
    namespaces of the URLconf are tried once). Without the route the address is empty and the
    banner's form posts to the plain view, which always works.
    """
    namespace = conf.api_namespace() or _api_namespace(get_resolver(get_urlconf()))
    if not namespace:
        return ""
    try:
        return reverse(f"{namespace}:{API_URL_NAME}")
    except NoReverseMatch:
        return ""


API_URL_NAME = "cookie_consent_api"


@functools.lru_cache(maxsize=8)
def _api_namespace(resolver) -> str:
    """The namespace of ``resolver`` (one per URLconf, made again when URLs change) that holds
    the cookie-consent route; found once, as the search tries every namespace."""
    for namespace in resolver.namespace_dict:
        try:
            reverse(f"{namespace}:{API_URL_NAME}", urlconf=resolver.urlconf_name)
        except NoReverseMatch:
            continue
        return namespace
    return ""


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

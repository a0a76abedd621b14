"""``{% cookie_consent %}``: the banner and the tags of the categories the visitor accepted.

Rendered per request in ``base.html``, outside the cached page chrome, because it depends on
the visitor's cookie. Tags of categories not accepted are in the page only as inert
``<template>`` elements, which the site's script activates the moment a category is accepted.
"""

from __future__ import annotations

import functools
import hashlib
from urllib.parse import quote

from django import template
from django.core.cache import cache
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, get_resolver, get_script_prefix, get_urlconf, reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import mark_safe

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
    resolver = get_resolver(get_urlconf())
    namespace = conf.api_namespace() or _api_namespace(resolver)
    if not namespace:
        return ""
    return _api_url(resolver, namespace, get_script_prefix(), translation.get_language())


@functools.lru_cache(maxsize=32)
def _api_url(resolver, namespace: str, script_prefix: str, language: str | None) -> str:
    """The route's address, reversed once per URLconf, prefix and language: the banner is on
    every page, and reversing costs a page view more than the rest of the banner's reads."""
    try:
        return reverse(f"{namespace}:{API_URL_NAME}", urlconf=resolver.urlconf_name)
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


# Stand-ins for what differs from one request to the next in an otherwise shared banner.
_CSRF = "cookiebannercsrf0token"
_NEXT = "cookiebannernext0url"
_NEXT_QUERY = "cookiebannernext0query"
BANNER_CACHE_SECONDS = 300


@register.simple_tag(takes_context=True)
def cookie_consent(context):
    """The banner (open on a first visit, hidden but ready to reopen after a choice), the
    accepted categories' tags, inert copies of the others' and the script that drives them.

    It is on every page, outside the cached page content, so rendering it was most of what
    a page view cost beyond the page. Visitors in the same language and the same state (no
    choice yet, or the same choice and signal) see the same banner but for their CSRF token
    and the address to go back to: it is rendered once with stand-ins for those two, cached
    under the cookie setup it was made from, and the stand-ins are filled in per request.
    """
    request = context.get("request")
    if request is None:
        return ""
    ctx = banner_context(request, next_url=request.get_full_path())
    match = getattr(request, "resolver_match", None)
    # The settings page is the banner's second layer already.
    ctx["show_banner"] = not (match and match.url_name in ("cookie_settings", "cookie_consent"))
    accepted = {entry["category"].key for entry in ctx["categories"] if entry["accepted"]}
    key = "privacy:cookie-banner:{}".format(
        hashlib.sha256(
            repr(
                (
                    translation.get_language(),
                    ctx["setup"].built,
                    ctx["ask"],
                    ctx["show_banner"],
                    ctx["gpc"],
                    sorted(accepted),
                    ctx["policy_url"],
                    ctx["api_url"],
                )
            ).encode()
        ).hexdigest()
    )
    skeleton = cache.get(key)
    if skeleton is None:
        tags = ctx["setup"].tags
        ctx["active_tags"] = [tag for key_ in sorted(accepted) for tag in tags.get(key_, ())]
        ctx["inert_tags"] = [
            (key_, category_tags)
            for key_, category_tags in tags.items()
            if key_ != cookie_services.ESSENTIAL
        ]
        ctx.update(request=None, csrf_value=_CSRF, next_url=_NEXT, next_url_query=_NEXT_QUERY)
        skeleton = render_to_string("privacy/includes/cookie_consent.html", ctx)
        cache.set(key, skeleton, BANNER_CACHE_SECONDS)
    next_url = request.get_full_path()
    html = (
        skeleton.replace(_CSRF, escape(get_token(request)))
        .replace(_NEXT_QUERY, escape(quote(next_url, safe="/")))
        .replace(_NEXT, escape(next_url))
    )
    return mark_safe(html)  # noqa: S308  # nosec B308 B703 (template-rendered; values escaped)

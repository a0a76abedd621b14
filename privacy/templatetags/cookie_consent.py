"""``{% cookie_consent %}``: the banner and the tags of the categories the visitor accepted.

Rendered per request in ``base.html``, outside the cached page chrome, because it depends on
the visitor's cookie. Tags of categories not accepted are in the page only as inert
``<template>`` elements, which the site's script activates the moment a category is accepted.
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from dataclasses import dataclass
from urllib.parse import quote

from django import template
from django.core.signals import setting_changed
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, get_resolver, get_script_prefix, get_urlconf, reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .. import conf
from ..memo import request_memo
from ..selectors import policy_page_url
from ..services import cookies as cookie_services

register = template.Library()


def banner_context(request, *, next_url: str) -> dict:
    """What the banner and the cookie settings page show, for this visitor."""
    state = _BannerState.read(request)
    gpc_refused = set(cookie_services.gpc_refused_categories()) if state.gpc else set()
    accepted = set(state.choice.accepted) if state.choice else set()
    return {
        "request": request,
        "setup": state.setup,
        "choice": state.choice,
        "ask": state.choice is None,
        "gpc": state.gpc,
        "categories": [
            {
                "category": category,
                "accepted": category.is_essential or category.key in accepted,
                "gpc_refused": category.key in gpc_refused,
            }
            for category in state.setup.categories
        ],
        "next_url": next_url,
        "policy_url": state.policy_url,
        "api_url": state.api_url,
    }


@dataclass(frozen=True)
class _BannerState:
    """What the banner depends on for one visitor, read once per request: the language's
    cookie setup (one cache read), the visitor's choice and signal, and two addresses."""

    language: str
    setup: cookie_services.CookieSetup
    choice: cookie_services.CookieChoice | None
    gpc: bool
    policy_url: str | None
    api_url: str

    @classmethod
    def read(cls, request) -> _BannerState:
        """Read once per request (:mod:`privacy.memo`): the tag, and the settings page
        around it, each ask for it."""
        language = translation.get_language() or ""
        key = ("privacy", "cookie-banner", id(request), language)
        return request_memo(key, lambda: cls._read(request, language))

    @classmethod
    def _read(cls, request, language: str) -> _BannerState:
        setup = cookie_services.cookie_setup(locale=language)
        return cls(
            language=language,
            setup=setup,
            choice=cookie_services.cookie_choice_current(
                request, version=setup.version, max_age=setup.max_age
            ),
            gpc=cookie_services.gpc_enabled(request),
            policy_url=policy_page_url(locale=language),
            api_url=cookie_consent_api_url(),
        )

    def accepted(self) -> tuple[str, ...]:
        """The categories whose tags run: the essential ones, and those the choice accepts."""
        chosen = self.choice.accepted if self.choice else frozenset()
        return tuple(
            sorted(
                category.key
                for category in self.setup.categories
                if category.is_essential or category.key in chosen
            )
        )


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
# Banners kept rendered in this process: a few per language (no choice yet, each choice
# made, with or without the signal), so the oldest go first only on an unusual site.
BANNERS_KEPT = 256
_banners: OrderedDict[tuple, str] = OrderedDict()
_banners_lock = threading.Lock()


def _banner_forget(**kwargs) -> None:
    with _banners_lock:
        _banners.clear()


# A changed setting (a test's override, a URLconf) may change what a banner says or links.
setting_changed.connect(_banner_forget, dispatch_uid="privacy-cookie-banner-forget")


@register.simple_tag(takes_context=True)
def cookie_consent(context):
    """The banner (open on a first visit, hidden but ready to reopen after a choice), the
    accepted categories' tags, inert copies of the others' and the script that drives them.

    It is on every page, outside the cached page content, so rendering it was most of what
    a page view cost beyond the page. Visitors in the same language and the same state (no
    choice yet, or the same choice and signal) see the same banner but for their CSRF token
    and the address to go back to: it is rendered once with stand-ins for those two and
    kept in this process, under the cookie setup it was made from (a changed category, tag
    or policy makes a new setup, so the next page renders a new banner), and the stand-ins
    are filled in per request. A page thus reads the cache once for the banner (the setup),
    plus the policy page's address, which every page's footer needs anyway.
    """
    request = context.get("request")
    if request is None:
        return ""
    state = _BannerState.read(request)
    match = getattr(request, "resolver_match", None)
    # The settings page is the banner's second layer already.
    show_banner = not (match and match.url_name in ("cookie_settings", "cookie_consent"))
    accepted = state.accepted()
    key = (
        state.language,
        state.setup.built,
        state.choice is None,
        show_banner,
        state.gpc,
        accepted,
        state.policy_url,
        state.api_url,
        get_script_prefix(),
    )
    skeleton = _banners.get(key)
    if skeleton is None:
        skeleton = _banner_render(request, state=state, show_banner=show_banner)
        with _banners_lock:
            _banners[key] = skeleton
            while len(_banners) > BANNERS_KEPT:
                _banners.popitem(last=False)
    next_url = request.get_full_path()
    html = skeleton
    if _CSRF in html:
        # Only a page that shows the banner's form needs a (freshly masked) token.
        html = html.replace(_CSRF, escape(get_token(request)))
    html = html.replace(_NEXT_QUERY, escape(quote(next_url, safe="/"))).replace(
        _NEXT, escape(next_url)
    )
    return mark_safe(html)  # noqa: S308  # nosec B308 B703 (template-rendered; values escaped)


def _banner_render(request, *, state: _BannerState, show_banner: bool) -> str:
    """The banner for a visitor in ``state``, with stand-ins for the per-request values."""
    ctx = banner_context(request, next_url=_NEXT)
    ctx["show_banner"] = show_banner
    accepted = state.accepted()
    tags = state.setup.tags
    ctx["active_tags"] = [tag for key in accepted for tag in tags.get(key, ())]
    ctx["inert_tags"] = [
        (key, category_tags)
        for key, category_tags in tags.items()
        if key != cookie_services.ESSENTIAL
    ]
    ctx.update(request=None, csrf_value=_CSRF, next_url=_NEXT, next_url_query=_NEXT_QUERY)
    return render_to_string("privacy/includes/cookie_consent.html", ctx)

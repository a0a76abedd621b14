"""The header, language switcher and footer around every page, rendered once and cached.

Rendering the menu costs more than reading it (a long menu appears in header and footer), so
the cache holds the finished HTML per page and language; ``home.services`` decides the key
and retires it when pages or settings change.
"""

import functools
from dataclasses import dataclass

from django import template
from django.conf import settings
from django.template.loader import render_to_string

from home import selectors, services

register = template.Library()


@dataclass(frozen=True)
class RenderedChrome:
    head: str
    header: str
    footer: str
    organisation_name: str


@register.simple_tag(takes_context=True)
def site_chrome(context):
    """``{% site_chrome as chrome %}`` then ``{{ chrome.header }}`` and so on.

    Works on Wagtail pages (uses ``page``) and on plain Django views (shows the active
    language's home page menu), so every template can extend the same ``base.html``.
    """
    request = context.get("request")
    if request is None:
        return None
    page = context.get("page")
    current = page if hasattr(page, "path") else None
    key, tree_page = services.chrome_key(request=request, page=current)

    def render() -> RenderedChrome:
        chrome = selectors.chrome_build(request=request, page=tree_page)
        include_context = {"chrome": chrome, "page": current}
        return RenderedChrome(
            head=render_to_string("includes/head_links.html", include_context, request),
            header=render_to_string("includes/header.html", include_context, request),
            footer=render_to_string("includes/footer.html", include_context, request),
            organisation_name=chrome.organisation["name"],
        )

    return services.chrome_cached(key=key, build=render)


@register.simple_tag(takes_context=True)
def cached_page_content(context, template_name):
    """``{% cached_page_content "home/home_page_content.html" %}``: the page's own content.

    Live content changes only when something is published, so the rendered HTML is kept
    under the same generation as the chrome: links to other pages, images' renditions and
    rich text are resolved once instead of on every request. Previews always render afresh.
    """
    request = context.get("request")
    page = context.get("page")

    def render() -> str:
        return render_to_string(template_name, {"page": page, "self": page}, request)

    if request is None or page is None or page.pk is None or getattr(request, "is_preview", False):
        return render()
    return services.chrome_cached(
        key=services.content_key(page=page, request=request), build=render
    )


@register.simple_tag
def site_static_links():
    """``{% site_static_links %}``: the icons and style sheets every page links, rendered once
    per process.

    Their addresses (hashed by the static files manifest in production) change only with a
    deploy, which starts new processes; kept out of the shared cache, which outlives one.
    """
    return _static_links(settings.STATIC_URL, repr(settings.STORAGES.get("staticfiles")))


@functools.lru_cache(maxsize=4)
def _static_links(static_url: str, storage: str) -> str:
    return render_to_string("includes/static_links.html")

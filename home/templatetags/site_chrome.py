"""Template access to the header, language switcher and footer data of ``home.selectors``."""

from django import template

from home.selectors import chrome_for

register = template.Library()


@register.simple_tag(takes_context=True)
def site_chrome(context):
    """``{% site_chrome as chrome %}``: menu, language links and organisation details.

    Works on Wagtail pages (uses ``page``) and on plain Django views (falls back to the
    active language's home page), so every template can extend the same ``base.html``.
    """
    request = context.get("request")
    if request is None:
        return None
    page = context.get("page")
    return chrome_for(request=request, page=page if hasattr(page, "path") else None)

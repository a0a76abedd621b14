"""Links into the privacy policy for any template: ``{% privacy_policy_url as url %}``."""

from django import template
from django.utils import translation

from ..selectors import policy_page_url, purpose_policy_url

register = template.Library()


@register.simple_tag
def privacy_policy_url(locale=None):
    """The live privacy policy page in ``locale`` (default: the active language), or ''."""
    return policy_page_url(locale=locale or translation.get_language()) or ""


@register.simple_tag
def purpose_url(purpose, locale=None):
    """``<policy url>#purpose-<key>`` for a purpose or a purpose key, or ''."""
    return purpose_policy_url(purpose, locale or translation.get_language()) or ""

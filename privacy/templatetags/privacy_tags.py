"""Links into the privacy policy, and dates in words (:mod:`privacy.dates`), for any template."""

from django import template
from django.utils import translation

from .. import dates
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


@register.filter
def date_in_words(value):
    """``{{ page.date|date_in_words }}``: "1er janvier 2027" (see :mod:`privacy.dates`)."""
    return dates.date_in_words(value)


@register.filter
def moment_in_words(value):
    """``{{ event.start|moment_in_words }}``: "23 December 2026, 19:00"."""
    return dates.moment_in_words(value)


@register.simple_tag
def span_in_words(start, end):
    """``{% span_in_words event.start event.end %}``: "23 December 2026, 19:00–22:00"."""
    return dates.span_in_words(start, end)

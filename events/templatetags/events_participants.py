"""``{% public_participants event as participants %}`` for the event page's participant list."""

from django import template

from ..selectors import participants_public

register = template.Library()


@register.simple_tag
def public_participants(event):
    """The event's public participant list (empty when not public or ended): one query."""
    return participants_public(event=event)

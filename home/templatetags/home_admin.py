"""Template tags of the project's admin screens."""

from django import template

from ..models import OrganisationIdentity

register = template.Library()


@register.simple_tag
def organisation_name(default: str = "") -> str:
    """The organisation's name in the active language (the admin user's, in the admin),
    else ``default``."""
    identity = OrganisationIdentity.for_locale()
    return identity.name if identity is not None and identity.name else default

"""The answer to a link that cannot be used: say why, change nothing."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from ..links import LinkExpired


def link_refused(request, error: Exception, *, what: str) -> TemplateResponse:
    """400 for a link that was altered, 410 for one past its lifetime: both explained."""
    expired = isinstance(error, LinkExpired)
    context = {
        "what": what,
        "expired": expired,
        "title": _("This link has expired") if expired else _("This link is not valid"),
    }
    response = TemplateResponse(request, "privacy/link_refused.html", context)
    response.status_code = 410 if expired else 400
    return response

"""Admin wiring for home: the organisation's name and address, translated per language."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import OrganisationIdentity


class OrganisationIdentityViewSet(SnippetViewSet):
    model = OrganisationIdentity
    icon = "site"
    menu_label = _("Organisation name and address")
    list_display = ["name", "address"]


register_snippet(OrganisationIdentityViewSet)

"""Admin wiring of careers' domain: the rejection e-mail, translated like the pages."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import RejectionEmailTemplate


class RejectionEmailTemplateViewSet(SnippetViewSet):
    model = RejectionEmailTemplate
    icon = "mail"
    menu_label = _("Rejection e-mail")
    list_display = ["subject", "locale"]


register_snippet(RejectionEmailTemplateViewSet)

"""Admin wiring of events: speakers as a translatable snippet."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Speaker


class SpeakerViewSet(SnippetViewSet):
    model = Speaker
    icon = "user"
    menu_label = _("Speakers")
    add_to_admin_menu = False
    list_display = ["name", "function", "organisation"]
    search_fields = ["name", "organisation"]
    list_filter = ["locale"]


register_snippet(SpeakerViewSet)

"""Admin wiring for cookie consent: categories and tags as snippets under one menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import CookieCategory, Tag


class CookieCategoryViewSet(SnippetViewSet):
    model = CookieCategory
    icon = "tag"
    menu_label = _("Cookie categories")
    list_display = ["name", "key", "sort_order"]
    search_fields = ["name", "key"]


class TagViewSet(SnippetViewSet):
    model = Tag
    icon = "code"
    menu_label = _("Tags and pixels")
    list_display = ["name", "category", "script_url", "live"]
    list_filter = ["live"]
    search_fields = ["name"]


class CookieViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Cookies")
    menu_icon = "tag"
    menu_order = 810
    items = (CookieCategoryViewSet, TagViewSet)


register_snippet(CookieViewSetGroup)

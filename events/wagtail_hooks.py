"""Admin wiring of events: speakers as a translatable snippet, and the organisers'
registrations, check-in lists and speaker links."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from privacy.viewsets import admin_area_register

from .admin.viewsets import RegistrationViewSet
from .models import EventPage, Registration, Speaker
from .permissions import is_organiser, registration_policy


class SpeakerViewSet(SnippetViewSet):
    model = Speaker
    icon = "user"
    menu_label = _("Speakers")
    list_display = ["name", "function", "organisation"]
    search_fields = ["name", "organisation"]
    list_filter = ["locale"]


register_snippet(SpeakerViewSet)


admin_area_register(model=Registration, policy=registration_policy, viewset=RegistrationViewSet)


@hooks.register("register_page_header_buttons")
def registrations_page_button(page, user, view_name, next_url=None):
    """From an event page's header, organisers reach its registrations, check-in list and
    speaker links; nobody else sees the entry."""
    if (
        page.specific_class is not None
        and issubclass(page.specific_class, EventPage)
        and is_organiser(user)
    ):
        source = page.specific.get_source_page()
        yield Button(
            _("Registrations"),
            url=reverse("events_registrations:event", args=[source.pk]),
            icon_name="group",
            priority=70,
        )

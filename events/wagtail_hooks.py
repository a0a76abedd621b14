"""Admin wiring of events: speakers as a translatable snippet, and the organisers'
registrations, check-in lists and speaker links."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_speakers, admin_views
from .models import EventPage, Registration, Speaker
from .permissions import is_organiser, registration_policy


class SpeakerViewSet(SnippetViewSet):
    model = Speaker
    icon = "user"
    menu_label = _("Speakers")
    add_to_admin_menu = False
    list_display = ["name", "function", "organisation"]
    search_fields = ["name", "organisation"]
    list_filter = ["locale"]


register_snippet(SpeakerViewSet)


# --- Registrations: organisers only ---------------------------------------------------------

register_permission_policy(Registration, registration_policy, exact_class=True)


class RegistrationViewSet(ModelViewSet):
    """Organisers read registrations, print the check-in list and send speakers their links.

    The menu item shows to organisers only (group ``Events`` and superusers, see
    ``events.permissions``); everyone else is refused by every view before anything is
    looked up. Registrations are never added, edited or deleted here.
    """

    model = Registration
    name = "events_registrations"
    url_prefix = "events/registrations"
    icon = "date"
    menu_label = _("Registrations")
    menu_order = 660
    add_to_admin_menu = True
    add_to_reference_index = False
    index_view_class = admin_views.EventIndexView

    def get_permissions_to_register(self):
        # Reading is decided by the group, not by a permission to tick.
        return []

    def register_admin_url_finder(self):
        pass

    def get_urlpatterns(self):
        view = self.construct_view
        return [
            path("", view(admin_views.EventIndexView), name="index"),
            path(
                "results/",
                view(admin_views.EventIndexView, results_only=True),
                name="index_results",
            ),
            path("<int:event_pk>/", view(admin_views.RegistrationIndexView), name="event"),
            path(
                "<int:event_pk>/results/",
                view(admin_views.RegistrationIndexView, results_only=True),
                name="event_results",
            ),
            path("<int:event_pk>/checkin/", admin_views.CheckinView.as_view(), name="checkin"),
            path(
                "<int:event_pk>/checkin.csv",
                admin_views.CheckinCsvView.as_view(),
                name="checkin_csv",
            ),
            path(
                "<int:event_pk>/speakers/",
                admin_speakers.SpeakerLinksView.as_view(),
                name="speaker_links",
            ),
            path(
                "<int:event_pk>/speakers/<int:link_pk>/revoke/",
                admin_speakers.SpeakerLinkRevokeView.as_view(),
                name="speaker_link_revoke",
            ),
        ]

    def construct_view(self, view_class, **kwargs):
        kwargs = {"header_icon": self.icon, **kwargs}
        return view_class.as_view(**{k: v for k, v in kwargs.items() if hasattr(view_class, k)})


@hooks.register("register_admin_viewset")
def register_registrations_viewset():
    return RegistrationViewSet()


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

"""The organisers' area as one Wagtail viewset, every URL under ``/admin/events/registrations/``."""

from __future__ import annotations

from django.urls import path
from django.utils.translation import gettext_lazy as _

from privacy.viewsets import ReadOnlyViewSet

from ..models import Registration
from .listing import (
    CheckinCsvView,
    CheckinView,
    EventIndexView,
    NeedsCsvView,
    RegistrationIndexView,
)
from .speakers import SpeakerLinkRevokeView, SpeakerLinksView


class RegistrationViewSet(ReadOnlyViewSet):
    """Organisers read registrations, print the check-in list and send speakers their links.

    The menu item shows to organisers only (see ``events.permissions``); everyone else is
    refused by every view before anything is looked up. Registrations are never added,
    edited or deleted here.
    """

    model = Registration
    name = "events_registrations"
    url_prefix = "events/registrations"
    icon = "date"
    menu_label = _("Registrations")
    menu_order = 660
    add_to_admin_menu = True
    index_view_class = EventIndexView
    own_views = True

    def get_urlpatterns(self):
        view = self.construct_view
        return [
            path("", view(EventIndexView), name="index"),
            path("results/", view(EventIndexView, results_only=True), name="index_results"),
            path("<int:event_pk>/", view(RegistrationIndexView), name="event"),
            path(
                "<int:event_pk>/results/",
                view(RegistrationIndexView, results_only=True),
                name="event_results",
            ),
            path("<int:event_pk>/checkin/", view(CheckinView), name="checkin"),
            path("<int:event_pk>/checkin.csv", view(CheckinCsvView), name="checkin_csv"),
            path("<int:event_pk>/needs.csv", view(NeedsCsvView), name="needs_csv"),
            path("<int:event_pk>/speakers/", view(SpeakerLinksView), name="speaker_links"),
            path(
                "<int:event_pk>/speakers/<int:link_pk>/revoke/",
                view(SpeakerLinkRevokeView),
                name="speaker_link_revoke",
            ),
        ]

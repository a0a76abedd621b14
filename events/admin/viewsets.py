"""The organisers' area as one Wagtail viewset, every URL under ``/admin/events/registrations/``."""

from __future__ import annotations

from django.urls import path
from django.utils.translation import gettext_lazy as _

from privacy.viewsets import ReadOnlyViewSet

from ..models import Registration
from .listing import CheckinCsvView, CheckinView, EventIndexView, RegistrationIndexView
from .registrations import (
    RegistrationCancelView,
    RegistrationDetailView,
    RegistrationMoveUpView,
    RegistrationTakeView,
)
from .speakers import SpeakerLinkRevokeView, SpeakerLinksView


class RegistrationViewSet(ReadOnlyViewSet):
    """Organisers read registrations, take one down by phone, cancel one on the person's
    behalf, move someone up from the waiting list, print the check-in list and send speakers
    their links.

    The menu item shows to organisers only (see ``events.permissions``); everyone else is
    refused by every view before anything is looked up. Answers are never edited and
    registrations never deleted here: retention deletes them after the event.
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
            path("<int:event_pk>/add/", view(RegistrationTakeView), name="registration_add"),
            path("<int:event_pk>/<int:pk>/", view(RegistrationDetailView), name="registration"),
            path(
                "<int:event_pk>/<int:pk>/cancel/",
                view(RegistrationCancelView),
                name="registration_cancel",
            ),
            path(
                "<int:event_pk>/<int:pk>/move-up/",
                view(RegistrationMoveUpView),
                name="registration_move_up",
            ),
            path("<int:event_pk>/checkin/", view(CheckinView), name="checkin"),
            path("<int:event_pk>/checkin.csv", view(CheckinCsvView), name="checkin_csv"),
            path("<int:event_pk>/speakers/", view(SpeakerLinksView), name="speaker_links"),
            path(
                "<int:event_pk>/speakers/<int:link_pk>/revoke/",
                view(SpeakerLinkRevokeView),
                name="speaker_link_revoke",
            ),
        ]

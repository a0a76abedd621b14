"""The organisers' area as one Wagtail viewset, every URL under ``/admin/events/registrations/``."""

from __future__ import annotations

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

    listings = ("index", "event")
    screens = [
        ("", EventIndexView, "index"),
        ("<int:event_pk>/", RegistrationIndexView, "event"),
        ("<int:event_pk>/add/", RegistrationTakeView, "registration_add"),
        ("<int:event_pk>/<int:pk>/", RegistrationDetailView, "registration"),
        ("<int:event_pk>/<int:pk>/cancel/", RegistrationCancelView, "registration_cancel"),
        ("<int:event_pk>/<int:pk>/move-up/", RegistrationMoveUpView, "registration_move_up"),
        ("<int:event_pk>/checkin/", CheckinView, "checkin"),
        ("<int:event_pk>/checkin.csv", CheckinCsvView, "checkin_csv"),
        ("<int:event_pk>/needs.csv", NeedsCsvView, "needs_csv"),
        ("<int:event_pk>/speakers/", SpeakerLinksView, "speaker_links"),
        (
            "<int:event_pk>/speakers/<int:link_pk>/revoke/",
            SpeakerLinkRevokeView,
            "speaker_link_revoke",
        ),
    ]

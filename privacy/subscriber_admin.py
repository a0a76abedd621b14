"""The subscriber export: each newsletter topic's current subscribers, for the officers.

The e-mail campaign provider sends the newsletters; what it may send to is decided here, by
the ledger. Officers download a topic's list (CSV or XLSX) from this listing, or the provider
fetches it through the API (:mod:`privacy.api_subscribers`). Both read
:func:`privacy.selectors.subscribers_current`, so a withdrawal, an erasure or a restriction
leaves the next export either way.
"""

from __future__ import annotations

import django_filters
from django.contrib.auth.models import Permission
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column

from . import conf
from .models import ConsentRecord
from .selectors import purpose_names, subscribers_current
from .viewsets import LocalTimeColumn, PurposeNameColumn, ReadOnlyIndexView, ReadOnlyViewSet


def _topic_choices():
    names = purpose_names()
    return [(key, names.get(key, key)) for key in conf.newsletter_topics()]


class SubscriberFilterSet(WagtailFilterSet):
    purpose_key = django_filters.ChoiceFilter(label=_("Topic"), choices=_topic_choices)

    class Meta:
        model = ConsentRecord
        fields = ["purpose_key", "locale"]


class SubscriberIndexView(ReadOnlyIndexView):
    export_headings = {
        "subject_email": _("E-mail"),
        "purpose_key": _("Topic"),
        "locale": _("Language"),
        "recorded_at": _("Subscribed since"),
    }

    def get_base_queryset(self):
        # Only readers of the ledger (the officers) reach this view; see the viewset's policy.
        return subscribers_current()


class SubscriberViewSet(ReadOnlyViewSet):
    """Current subscribers per topic, as the campaign provider may use them today."""

    model = ConsentRecord
    name = "subscribers"
    icon = "mail"
    menu_label = _("Subscribers")
    index_view_class = SubscriberIndexView
    refuse_with_403 = True
    filterset_class = SubscriberFilterSet
    search_fields = ["subject_email"]
    empty_message = _(
        "Nobody is subscribed to a topic now. People appear here once they confirm a "
        "subscription, and leave when they withdraw, are erased or restrict processing."
    )
    filtered_message = _("Nobody subscribed matches these filters or this search.")
    list_export = ["subject_email", "purpose_key", "locale", "recorded_at"]
    export_filename = "subscribers"
    list_display = [
        Column("subject_email", label=_("E-mail")),
        PurposeNameColumn("topic", label=_("Topic"), accessor="purpose_key"),
        Column("locale", label=_("Language")),
        LocalTimeColumn("recorded_at", label=_("Subscribed since"), sort_key="recorded_at"),
    ]

    def get_permissions_to_register(self):
        # The consent ledger's viewset offers its ``view`` permission already.
        return Permission.objects.none()

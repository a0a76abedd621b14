"""The organisers' screens: events with their counts, an event's registrations, the check-in list.

Only organisers (``events.permissions.registration_policy``) and superusers pass; everyone
else is refused before any event is looked up, so a refusal says nothing about whether the
event exists or has registrations. Each registration opens on its own screen
(:mod:`events.admin.registrations`), where organisers act on the person's behalf; people
cancel and change their choices through their own links too, and retention deletes
registrations after the event.
"""

from __future__ import annotations

from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views import View
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.widgets import Button, HeaderButton

from forms.views.listings import SourcePageIndexMixin
from privacy.viewsets import (
    BooleanColumn,
    ChoiceColumn,
    LocalTimeColumn,
    ReadOnlyIndexView,
    ScopedIndexMixin,
    SpreadsheetExportView,
)

from ..constants import KEY_FIRST_NAME, KEY_LAST_NAME, EventKind, RegistrationStatus
from ..models import EventPage, Registration
from ..selectors import needs_counts, photo_purpose, registrations_for_checkin, registrations_of


class EventScopedMixin(ScopedIndexMixin):
    """Refuses non-organisers first; then finds the event of the URL (404 for organisers),
    in the language its registrations hang on."""

    scope_kwarg = "event_pk"

    def get_scope(self, pk):
        event = EventPage.objects.filter(pk=pk).first()
        return event.get_source_page() if event is not None else None

    @property
    def event(self) -> EventPage:
        return self.scope

    def get_context_data(self, **kwargs):
        return super().get_context_data(event=self.event, **kwargs)

    def get_breadcrumbs_items(self):
        """Registrations, then the event; a screen of the event's own adds itself."""
        event_url = reverse("events_registrations:event", args=[self.event.pk])
        crumbs = [
            {"url": reverse("events_registrations:index"), "label": _("Registrations")},
            {"url": event_url if self.event_crumbs else "", "label": self.event.localized.title},
        ]
        return self.breadcrumbs_items + crumbs + self.event_crumbs

    event_crumbs: list[dict] = []


# The organiser's ways from an event's registrations: (label, URL name, icon, trainings only).
# Adding one is the header's own button; the others sit in its "…" menu, as Wagtail's exports
# do, so that the event's title keeps its room in the header on a desktop screen too.
EVENT_BUTTONS = [
    (gettext_lazy("Add a registration"), "registration_add", "plus", False),
    (gettext_lazy("Check-in list"), "checkin", "list-ul", False),
    (gettext_lazy("Check-in list (CSV)"), "checkin_csv", "download", False),
    (gettext_lazy("Dietary and access needs, counted (CSV)"), "needs_csv", "download", False),
    (gettext_lazy("Speaker links"), "speaker_links", "link", True),
]


def event_buttons(event: EventPage, *, header: bool) -> list[Button]:
    """The header's button (``header``) or the menu's, for what ``event`` offers now."""
    kind = HeaderButton if header else Button
    return [
        kind(label, url=reverse(f"events_registrations:{name}", args=[event.pk]), icon_name=icon)
        for label, name, icon, training_only in EVENT_BUTTONS
        if (name == "registration_add") == header
        and (event.kind == EventKind.TRAINING or not training_only)
        and not (name == "registration_add" and event.is_past())
    ]


class EventIndexView(SourcePageIndexMixin, ScopedIndexMixin, ReadOnlyIndexView):
    """Every event, latest first, with its confirmed and waiting counts."""

    model = EventPage
    page_title = gettext_lazy("Registrations")
    paginate_by = 50
    default_ordering = "-start"
    empty_message = gettext_lazy("There are no events yet.")

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .annotate(
                confirmed=Count("registrations", filter=Q(registrations__status="confirmed")),
                waiting=Count("registrations", filter=Q(registrations__status="waiting")),
            )
        )

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=gettext_lazy("Event"),
                sort_key="title",
                get_url=lambda e: reverse("events_registrations:event", args=[e.pk]),
                accessor=self.title_of,
            ),
            Column("kind", label=gettext_lazy("Kind"), accessor="get_kind_display"),
            LocalTimeColumn("start", label=gettext_lazy("Start"), sort_key="start"),
            Column("confirmed", label=gettext_lazy("Confirmed")),
            Column("waiting", label=gettext_lazy("Waiting")),
            Column("capacity", label=gettext_lazy("Capacity")),
        ]


def _answer(key):
    return lambda registration: registration.answer(key)


class RegistrationIndexView(EventScopedMixin, ReadOnlyIndexView):
    """One event's registrations: status, place on the waiting list, objection, photos."""

    model = Registration
    # Wagtail's filters for the fields, named as the model names them.
    list_filter = ["status", "hidden_from_list", "photo_consent"]
    search_fields = ["submission__subject_email", "submission__answers"]
    paginate_by = 100
    # Nine columns: the table scrolls in its own box instead of being cut off.
    results_template_name = "privacy/admin/scrolling_index_results.html"
    default_ordering = "registered_at"
    empty_message = gettext_lazy("Nobody has registered for this event yet.")

    def get_page_title(self):
        return self.event.localized.title

    def get_page_subtitle(self):
        return _("Registrations")

    def get_base_queryset(self):
        # Needs come along in the same query; they are never searched (``search_fields``).
        return registrations_of(event=self.event).select_related("needs")

    @cached_property
    def waiting_positions(self) -> dict[int, int]:
        """Place on the waiting list of each waiting registration, 1 first, in one query."""
        waiting = (
            Registration.objects.filter(event=self.event, status=RegistrationStatus.WAITING)
            .order_by("waiting_number", "pk")
            .values_list("pk", flat=True)
        )
        return {pk: position for position, pk in enumerate(waiting, start=1)}

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "first_name",
                label=gettext_lazy("First name"),
                accessor=_answer(KEY_FIRST_NAME),
                get_url=lambda registration: registration.admin_url(),
            ),
            Column("last_name", label=gettext_lazy("Name"), accessor=_answer(KEY_LAST_NAME)),
            Column("email", label=gettext_lazy("E-mail"), accessor="submission.subject_email"),
            ChoiceColumn("status", label=gettext_lazy("Status")),
            Column(
                "waiting_position",
                label=gettext_lazy("Waiting list"),
                accessor=lambda r: self.waiting_positions.get(r.pk, ""),
            ),
            BooleanColumn("hidden_from_list", label=gettext_lazy("Objects to the list")),
            BooleanColumn("photo_consent", label=gettext_lazy("Agrees to photos")),
            Column(
                "needs",
                label=gettext_lazy("Dietary or access needs"),
                accessor=lambda r: r.needs.text if hasattr(r, "needs") else "",
            ),
            LocalTimeColumn(
                "registered_at", label=gettext_lazy("Registered"), sort_key="registered_at"
            ),
        ]

    @cached_property
    def header_buttons(self):
        return [*super().header_buttons, *event_buttons(self.event, header=True)]

    @cached_property
    def header_more_buttons(self):
        return [*super().header_more_buttons, *event_buttons(self.event, header=False)]


class CheckinView(EventScopedMixin, View):
    """The check-in list to print: confirmed people by name, marking who refused photos."""

    def get(self, request, event_pk: int):
        rows = registrations_for_checkin(event=self.event)
        context = {
            "event": self.event,
            "title": self.event.localized.title,
            "venue": self.event.localized.venue,
            "rows": rows,
            "no_photos": sum(1 for row in rows if not row.photo_consent),
            # The consent in the words registrants were shown, in the organiser's language.
            "photo_consent_text": getattr(photo_purpose(locale=get_language()), "consent_text", ""),
            "printed_at": timezone.localtime(),
        }
        return TemplateResponse(request, "events/admin/checkin.html", context)


class EventCsvView(EventScopedMixin, SpreadsheetExportView):
    """A CSV of the event's (``rows``), named after the event: ``<file_prefix>-<slug>.csv``."""

    file_prefix = ""

    def get_filename(self):
        return f"{self.file_prefix}-{slugify(self.event.title) or f'event-{self.event.pk}'}"


class CheckinCsvView(EventCsvView):
    """The check-in list as CSV, for a door app or a spreadsheet."""

    file_prefix = "checkin"
    export_headings = {
        "last_name": gettext_lazy("Last name"),
        "first_name": gettext_lazy("First name"),
        "function": gettext_lazy("Function"),
        "company": gettext_lazy("Company"),
        "photos": gettext_lazy("Photos"),
        "present": gettext_lazy("Present"),
    }

    def rows(self):
        return registrations_for_checkin(event=self.event)

    def to_row_dict(self, item):
        item.photos = _("yes") if item.photo_consent else _("NO PHOTOS")
        item.present = ""  # ticked at the door
        return super().to_row_dict(item)


class NeedsCsvView(EventCsvView):
    """What the caterer gets: each dietary or access need with how many confirmed
    participants stated it, never who."""

    file_prefix = "needs"
    export_headings = {
        "need": gettext_lazy("Dietary or access need"),
        "count": gettext_lazy("Number of participants"),
    }

    def rows(self):
        return needs_counts(event=self.event)

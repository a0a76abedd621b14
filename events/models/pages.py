"""Event pages: the index with its archive, and the event itself, a form page."""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from forms.models import AbstractFormField, AbstractFormPage
from forms.panels import SubmissionsPanel

from ..constants import (
    EVENT_END,
    FIXED_KEYS,
    ICS_PATH,
    KEY_NEEDS,
    PARTICIPANTS_PATH,
    EventKind,
    ParticipantListAudience,
)

PAST_PER_PAGE = 12
CLOSED_ENDED = _("This event has ended; registration is closed.")
CLOSED_DEADLINE = _("The registration deadline has passed; registration is closed.")


class EventIndexPage(Page):
    """Upcoming events and trainings, then the archive of past ones, filtered by kind and month.

    Filters are query parameters (``?kind=training&month=2026-11``) so a filtered listing is a
    plain link, works without JavaScript and can be bookmarked.
    """

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["events.EventPage"]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("event index page")
        verbose_name_plural = _("event index pages")

    def route(self, request, path_components):
        # The index holds event pages alone: fetch the child as one, in one query instead of
        # Wagtail's two (the page, then its specific row). Anything else routes as usual.
        if path_components:
            child = EventPage.objects.child_of(self).filter(slug=path_components[0]).first()
            if child is not None:
                child._cached_parent_obj = self
                return child.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from ..selectors import event_months, events_listing

        context = super().get_context(request, *args, **kwargs)
        kind = request.GET.get("kind", "")
        if kind not in EventKind.values:
            kind = ""
        month = _parse_month(request.GET.get("month", ""))
        upcoming, past = events_listing(index=self, kind=kind, month=month)
        past_page = Paginator(past, PAST_PER_PAGE).get_page(request.GET.get("page"))
        context.update(
            upcoming=upcoming,
            past=past_page,
            kinds=EventKind.choices,
            kind=kind,
            month=month,
            month_value=f"{month:%Y-%m}" if month else "",
            months=event_months(index=self),
        )
        return context


def _parse_month(value: str) -> date | None:
    try:
        month = datetime.strptime(value, "%Y-%m").date()
    except ValueError:
        return None
    return month if 1900 < month.year < 3000 else None


class EventPage(AbstractFormPage):
    """An event or training, and its registration form.

    A subclass of the form base: the form shows the fixed registration questions and
    purposes (:mod:`events.registration_form`) before any questions editors add, stores
    through the forms flow and adds a :class:`~events.models.Registration` in the same
    transaction (``submission_store``). Registrations, capacity and the waiting list belong to
    the page in the default language: every translation registers for the same seats.
    """

    kind = models.CharField(_("kind"), max_length=16, choices=EventKind.choices)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    address = models.TextField(_("address"), blank=True)
    online_url = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("Sent to registrants only, in their confirmation; never shown on the page."),
    )
    description = RichTextField(_("description"), blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        help_text=_(
            "Seats; once they are taken, registrants join the waiting list. Empty: no limit."
        ),
    )
    registration_deadline = models.DateTimeField(
        _("registration deadline"),
        null=True,
        blank=True,
        help_text=_("Empty: registration stays open until the event starts."),
    )
    participant_list = models.CharField(
        _("participant list"),
        max_length=16,
        choices=ParticipantListAudience.choices,
        default=ParticipantListAudience.PARTICIPANTS,
        help_text=_(
            "Who sees the confirmed participants' first name, name and function until the "
            "event ends, except those who object. A name appears once its owner has confirmed "
            "their address through the link in their confirmation e-mail. Public makes the "
            "list a page anyone can read."
        ),
    )

    content_panels = Page.content_panels + [
        SubmissionsPanel(),
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        MultiFieldPanel(
            [FieldPanel("venue"), FieldPanel("address"), FieldPanel("online_url")],
            heading=_("Where"),
        ),
        FieldPanel("description"),
        InlinePanel("event_speakers", label=_("Speakers")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("registration_deadline")]),
                FieldPanel("participant_list"),
            ],
            heading=_("Registration"),
        ),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Extra questions")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel([FieldPanel("inbox")], heading=_("Submissions")),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []
    template = "events/event_page.html"
    landing_page_template = "events/event_page_landing.html"
    submission_end = EVENT_END
    # The speakers' links (and their access logs) and photo consents count from the end too.
    submission_end_followers = ("speaker_links", "photo_consents")

    api_fields = AbstractFormPage.api_fields + [
        APIField("kind"),
        APIField("start"),
        APIField("end"),
        APIField("venue"),
        APIField("address"),
        APIField("description"),
        APIField("capacity"),
        APIField("registration_deadline"),
        APIField("participant_list"),
        APIField("speakers", serializer=serializers.ListField(source="api_speakers")),
        APIField("registration_open", serializer=serializers.BooleanField(source="is_open")),
    ]

    class Meta:
        verbose_name = _("event page")
        verbose_name_plural = _("event pages")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end cannot come before the start.")})
        if self.registration_deadline and self.end and self.registration_deadline > self.end:
            raise ValidationError(
                {"registration_deadline": _("The deadline cannot come after the end.")}
            )

    # --- State ------------------------------------------------------------------------------

    def is_past(self, now: datetime | None = None) -> bool:
        return self.end <= (now or timezone.now())

    def closing_time(self) -> datetime:
        """When registration closes: the deadline, or the start."""
        return self.registration_deadline or self.start

    def closed_reason(self, now: datetime | None = None) -> str:
        """Why nobody can register any more ("" while registration is open)."""
        now = now or timezone.now()
        if self.is_past(now):
            return str(CLOSED_ENDED)
        if now >= self.closing_time():
            return str(CLOSED_DEADLINE)
        return ""

    @property
    def address_lines(self) -> list[str]:
        """The address as typed, one line each: street, then postcode and town."""
        return [line.strip() for line in self.address.splitlines() if line.strip()]

    @property
    def place_lines(self) -> list[str]:
        """The venue, then the address's lines: what a mail, a page or a calendar shows."""
        return [part for part in (self.venue.strip(), *self.address_lines) if part]

    @property
    def place_line(self) -> str:
        """The place on one line, its parts separated by commas (never run together)."""
        return ", ".join(self.place_lines)

    @property
    def is_open(self) -> bool:
        return not self.closed_reason()

    @property
    def has_participant_list(self) -> bool:
        return self.participant_list != ParticipantListAudience.OFF

    @property
    def participant_list_is_public(self) -> bool:
        return self.participant_list == ParticipantListAudience.PUBLIC

    @property
    def api_speakers(self) -> list[dict]:
        """Each speaker as the API shows them within the event: who, never the e-mail."""
        shown = ("name", "function", "organisation")
        return [{field: getattr(speaker, field) for field in shown} for speaker in self.speakers()]

    def speakers(self) -> list:
        """The speakers in the page's language where translated, in the editor's order."""
        from ..selectors import event_speakers

        return event_speakers(event=self)

    # --- Form override points ---------------------------------------------------------------

    fixed_form_keys = FIXED_KEYS
    # Dietary or access needs live in their own rows (``RegistrationNeeds``), never in the
    # answers the inbox shows and searches.
    answers_kept_apart = frozenset({KEY_NEEDS})

    def fixed_form_fields(self) -> tuple[list, list]:
        from ..registration_form import registration_fields

        return registration_fields(page=self)

    def submission_ends_at(self) -> datetime | None:
        # Registrations are kept for their purpose's period after the event ends.
        return self.end

    def source_published(self) -> None:
        # A larger capacity moves people up from the waiting list.
        from ..services import registrations_promote

        super().source_published()
        registrations_promote(event=self)

    def accepts_submissions(self) -> bool:
        # Past the deadline or the event, the page says why and takes nothing.
        return not self.get_source_page().closed_reason()

    def submission_created(self, *, submission, data) -> None:
        from ..services import registration_add

        registration_add(page=self, submission=submission, data=data)

    def submission_refused(self, *, refusal) -> None:
        from ..services import registration_refused

        registration_refused(refusal=refusal)

    def get_landing_url(self, request=None, *, submission=None) -> str:
        from ..services import AlreadyRegistered

        url = super().get_landing_url(request, submission=submission)
        if isinstance(submission, AlreadyRegistered):
            # What a first registration would be told now, whatever the address holds.
            waiting = submission.waiting
        else:
            waiting = submission is not None and submission.registration.is_waiting
        # Names no one: only which of the two thank-you texts to show.
        return f"{url}?list=waiting" if waiting else url

    def api_submission_id(self, submission) -> None:
        # A registration of an address already registered stores nothing and is answered
        # alike (``AlreadyRegistered``): a fresh id would tell them apart.
        return None

    def get_context(self, request, *args, **kwargs):
        from ..jsonld import event_json_ld
        from ..registration_form import audience_text
        from ..selectors import event_counts

        context = super().get_context(request, *args, **kwargs)
        source = self.get_source_page()
        counts, speakers = event_counts(event=source), self.speakers()
        context.update(
            event=source,
            closed_reason=source.closed_reason(),
            counts=counts,
            speakers=speakers,
            audience=audience_text(source),
            participants_url=(
                f"{self.get_url(request).rstrip('/')}/{self.reverse_subpage('participants')}"
                if source.participant_list_is_public
                else ""
            ),
            json_ld=event_json_ld(page=self, request=request, counts=counts, speakers=speakers),
            ics_url=f"{self.get_url(request).rstrip('/')}/{self.reverse_subpage('calendar')}",
            waiting=request.GET.get("list") == "waiting",
        )
        return context

    # --- The public participant list -----------------------------------------------------

    @path(f"{PARTICIPANTS_PATH}/", name="participants")
    def participants_route(self, request, *args, **kwargs):
        """The list as a page of its own, for an event whose editor made it public; kept out
        of search engines and the sitemap. Every other event answers 404 here: its list is
        behind each participant's own link."""
        from ..views.participants import public_participant_list

        return public_participant_list(request, page=self)

    # --- Calendar file ----------------------------------------------------------------------

    @path(f"{ICS_PATH}/", name="calendar")
    def calendar_route(self, request, *args, **kwargs):
        """The event's calendar file, until it has ended: a past event is no longer offered
        for a calendar, on its page nor at this address."""
        from ..ics import calendar_response

        if self.get_source_page().is_past():
            raise Http404
        return calendar_response(page=self, request=request)


class EventFormField(AbstractFormField):
    """An extra question editors add to an event's registration form."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="form_fields")

    class Meta(AbstractFormField.Meta):
        verbose_name = _("form field")
        verbose_name_plural = _("form fields")


class EventPageSpeaker(Orderable):
    """A speaker of an event, in the order the page lists them."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="event_speakers")
    speaker = models.ForeignKey(
        "events.Speaker", on_delete=models.CASCADE, related_name="+", verbose_name=_("speaker")
    )

    panels = [FieldPanel("speaker")]

    class Meta(Orderable.Meta):
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

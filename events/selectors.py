"""Reads of events and registrations that pages, the API and the admin share."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.text import Truncator

from .constants import (
    FUNCTION_MAX_LENGTH,
    KEY_COMPANY,
    KEY_FIRST_NAME,
    KEY_FUNCTION,
    KEY_LAST_NAME,
    PURPOSE_PHOTOS,
    RegistrationStatus,
)
from .models import EventPage, Registration, RegistrationNeeds, Speaker


@dataclass(frozen=True)
class Participant:
    """A line of the participant list: nothing more than the policy names."""

    first_name: str
    last_name: str
    function: str


@dataclass(frozen=True)
class EventCounts:
    confirmed: int
    waiting: int
    capacity: int | None

    @property
    def seats_left(self) -> int | None:
        if self.capacity is None:
            return None
        return max(self.capacity - self.confirmed, 0)

    @property
    def is_full(self) -> bool:
        return self.capacity is not None and self.confirmed >= self.capacity


def photo_purpose(*, locale: str | None):
    """The ``event-photos`` purpose in ``locale`` (None when the site has none): its words
    are the form's box, the choices page's and the check-in list's, in one wording."""
    from privacy.selectors import purpose_get

    return purpose_get(key=PURPOSE_PHOTOS, locale=locale)


def registrations_of(*, event: EventPage) -> QuerySet[Registration]:
    """Every registration of the event (any translation given), with its answers."""
    return Registration.objects.filter(event=event.get_source_page()).select_related("submission")


def event_counts(*, event: EventPage) -> EventCounts:
    """Confirmed and waiting registrations of the event, in one query."""
    source = event.get_source_page()
    counts = Registration.objects.filter(event=source).aggregate(
        confirmed=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
        waiting=Count("pk", filter=Q(status=RegistrationStatus.WAITING)),
    )
    return EventCounts(counts["confirmed"], counts["waiting"], source.capacity)


def participants_listed(*, event: EventPage, now=None) -> list[Participant]:
    """The participant list, whoever it is shown to: confirmed people who confirmed their
    address through a link in their confirmation e-mail and did not object, until the end.

    Empty for an event without a list, and once the event has ended (the list is taken down
    then). Ordered by name; the function is cut to ``FUNCTION_MAX_LENGTH``.
    """
    source = event.get_source_page()
    if not source.has_participant_list or source.is_past(now):
        return []
    rows = registrations_for_checkin(event=source, address_confirmed=True)
    return [
        Participant(
            row.first_name,
            row.last_name,
            Truncator(row.function).chars(FUNCTION_MAX_LENGTH),
        )
        for row in rows
        if not row.hidden_from_list
    ]


def registrations_for_checkin(
    *, event: EventPage, address_confirmed: bool = False
) -> list[Registration]:
    """Confirmed registrations for the door, by name, with the photo choice on each row.

    Each row has ``first_name``, ``last_name``, ``function``, ``company`` and
    ``photo_consent`` (False marks someone photographers must not take as a main subject).
    """
    rows = registrations_of(event=event).filter(status=RegistrationStatus.CONFIRMED)
    if address_confirmed:
        rows = rows.filter(link_followed_at__isnull=False)
    rows = list(rows)
    for row in rows:
        row.first_name = row.answer(KEY_FIRST_NAME)
        row.last_name = row.answer(KEY_LAST_NAME)
        row.function = row.answer(KEY_FUNCTION)
        row.company = row.answer(KEY_COMPANY)
    return sorted(rows, key=lambda r: (r.last_name.casefold(), r.first_name.casefold()))


def needs_counts(*, event: EventPage) -> list[tuple[str, int]]:
    """The dietary and access needs of the confirmed participants, as the caterer gets them:
    each need with how many people stated it, most frequent first; never who.

    Answers that differ only in case or spacing count as one need.
    """
    rows = RegistrationNeeds.objects.filter(
        registration__event=event.get_source_page(),
        registration__status=RegistrationStatus.CONFIRMED,
    ).values_list("text", flat=True)
    counts: dict[str, list] = {}
    for text in rows:
        words = " ".join(text.split())
        entry = counts.setdefault(words.casefold(), [words, 0])
        entry[1] += 1
    return sorted(
        ((words, n) for words, n in counts.values()), key=lambda item: (-item[1], item[0])
    )


def waiting_position(*, registration: Registration) -> int | None:
    """1 for the next person to move up; None when not waiting."""
    if not registration.is_waiting:
        return None
    ahead = Registration.objects.filter(
        event_id=registration.event_id,
        status=RegistrationStatus.WAITING,
        waiting_number__lt=registration.waiting_number,
    ).count()
    return ahead + 1


def event_speakers(*, event: EventPage) -> list[Speaker]:
    """The event's speakers, in the page's language where a translation exists."""
    from forms.selectors import in_locale

    links = event.event_speakers.select_related("speaker", "speaker__photo").all()
    speakers = Speaker.objects.select_related("photo")
    return in_locale([link.speaker for link in links], event.locale_id, queryset=speakers)


def events_listing(
    *, index, kind: str = "", month: date | None = None, now=None
) -> tuple[list[EventPage], QuerySet[EventPage]]:
    """Upcoming events (soonest first) and past ones (latest first) under ``index``."""
    now = now or timezone.now()
    pages = EventPage.objects.child_of(index).live().public()
    if kind:
        pages = pages.filter(kind=kind)
    if month is not None:
        pages = pages.filter(start__year=month.year, start__month=month.month)
    upcoming = list(pages.filter(end__gt=now).order_by("start", "pk"))
    past = pages.filter(end__lte=now).order_by("-start", "-pk")
    return upcoming, past


def event_months(*, index) -> list[date]:
    """The months that have events under ``index``, latest first, for the month filter."""
    months = (
        EventPage.objects.child_of(index)
        .live()
        .public()
        .annotate(month=TruncMonth("start"))
        .values_list("month", flat=True)
        .distinct()
        .order_by("-month")
    )
    return [m.date() if hasattr(m, "date") else m for m in months]


def speaker_openings_seen(*, email: str) -> list[tuple[Registration, list]]:
    """Each registration of ``email`` that had a seat, with the openings of its training's
    list by a speaker while the person was on it (from the seat to a cancellation; the list
    holds confirmed people alone): what their access answer lists and whom an erasure is
    told of (GDPR art. 15(1)(c), art. 19)."""
    from .models import SpeakerAccessLog

    registrations = Registration.objects.filter(
        submission__subject_email=email, confirmed_at__isnull=False
    ).select_related("event")
    seen = []
    for registration in registrations:
        openings = SpeakerAccessLog.objects.filter(
            link__event=registration.event_id, opened_at__gte=registration.confirmed_at
        ).select_related("link")
        if registration.cancelled_at:
            openings = openings.filter(opened_at__lt=registration.cancelled_at)
        seen.append((registration, list(openings)))
    return seen


def registration_accesses_of(email: str) -> list:
    """Who saw a registrant's name, for their access answer (GDPR art. 15(1)(c)): each opening
    of a training's list by a speaker while the person was on it, and the participant list of
    an event that showed them (to its confirmed participants, or to anyone). Registered with privacy's access sources by ``ready``.
    """
    from django.utils.translation import gettext as _

    from privacy.accesses import Access

    accesses = []
    for registration, openings in speaker_openings_seen(email=email):
        title = registration.event.title
        accesses += [
            Access(
                at=opening.opened_at,
                who=_("the speaker %(name)s") % {"name": opening.link.speaker_name},
                what=_("opened the registration list of “%(event)s”, with your name")
                % {"event": title},
            )
            for opening in openings
        ]
        listed = registration.link_followed_at and not registration.hidden_from_list
        if listed and registration.event.has_participant_list:
            accesses.append(
                Access(
                    # On the list from when both were true: a seat, and the address confirmed.
                    at=max(registration.confirmed_at, registration.link_followed_at),
                    who=(
                        _("anyone visiting the event's participant list page")
                        if registration.event.participant_list_is_public
                        else _("the event's confirmed participants")
                    ),
                    what=_(
                        "could read your name and function on the participant list of “%(event)s”"
                    )
                    % {"event": title},
                )
            )
    return accesses

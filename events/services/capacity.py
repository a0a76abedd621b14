"""The seats of an event, counted and taken under one lock per event.

Every change that can confirm someone (registering, cancelling, promoting from the waiting
list) locks the event's row (``SELECT ... FOR UPDATE`` on PostgreSQL; on SQLite the
transaction's write lock, taken at once, serialises writers), then counts and writes in the
same transaction. So however many people press the button at once, never more are
confirmed than the capacity.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import connection, transaction
from django.db.models import Count, Max, Q
from django.utils import timezone

from ..constants import ACTIVE_STATUSES, RegistrationStatus
from ..models import EventPage, Registration


def _lock(event: EventPage, *, only: tuple[str, ...] = ()) -> EventPage:
    """Lock the event's row for this transaction and return it as stored now (with
    ``only`` those fields read, e.g. the capacity alone for a registration).

    Must run inside ``transaction.atomic()``. PostgreSQL locks the row itself; SQLite
    ignores ``FOR UPDATE``, so a write (touching no row) takes the database's write lock
    before anything is counted, whatever transaction mode the connection uses.
    """
    _sqlite_write_lock()
    locked = EventPage.objects.select_for_update(of=("self",)).filter(pk=event.pk)
    return (locked.only(*only) if only else locked).get()


def _lock_current(
    registration: Registration, *, refused: Exception
) -> tuple[EventPage, Registration, datetime]:
    """The locked event, the registration as stored now and the moment of the change
    (inside ``transaction.atomic()``); ``refused`` is raised once the event has ended."""
    event = _lock(registration.event)
    now = timezone.now()
    if event.is_past(now):
        raise refused
    current = Registration.objects.select_related("submission", "event").get(pk=registration.pk)
    return event, current, now


def _sqlite_write_lock() -> None:
    if connection.vendor == "sqlite" and not _sqlite_immediate():
        Registration.objects.filter(pk=0).update(status=RegistrationStatus.CANCELLED)


def _sqlite_immediate() -> bool:
    # ``BEGIN IMMEDIATE`` took the write lock when the transaction began.
    options = connection.settings_dict.get("OPTIONS") or {}
    return str(options.get("transaction_mode", "")).upper() in ("IMMEDIATE", "EXCLUSIVE")


def _seats_left(event: EventPage) -> int | None:
    """The locked event's free seats; None when it has no limit."""
    if event.capacity is None:
        return None
    confirmed = Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED)
    return max(event.capacity - confirmed.count(), 0)


@dataclass(frozen=True)
class _Seats:
    left: int | None  # None: no limit
    holder: int | None  # the registration already holding the address, if any
    last_waiting: int | None


def _seats(event: EventPage, *, email: str) -> _Seats:
    """In one query of the locked event's registrations: its free seats, the active
    registration of ``email`` if there is one, and the last waiting number given."""
    found = Registration.objects.filter(event=event).aggregate(
        holder=Max("pk", filter=Q(status__in=ACTIVE_STATUSES, submission__subject_email=email)),
        confirmed=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
        last_waiting=Max("waiting_number"),
    )
    left = None if event.capacity is None else max(event.capacity - found["confirmed"], 0)
    return _Seats(left=left, holder=found["holder"], last_waiting=found["last_waiting"])


def _promote(event: EventPage, now: datetime) -> list[Registration]:
    """Move the first people waiting up to the free seats, each told once the change is
    committed; the event must be locked."""
    from .mail import registration_mail_send

    free = _seats_left(event)
    waiting = Registration.objects.filter(event=event, status=RegistrationStatus.WAITING)
    waiting = waiting.order_by("waiting_number", "pk")
    chosen = list(waiting if free is None else waiting[:free])
    for registration in chosen:
        registration.status = RegistrationStatus.CONFIRMED
        registration.confirmed_at = now
    Registration.objects.bulk_update(chosen, ["status", "confirmed_at"])
    for moved in chosen:
        transaction.on_commit(
            lambda r=moved: registration_mail_send(registration=r, template="promoted")
        )
    return chosen

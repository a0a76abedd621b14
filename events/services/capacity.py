"""The seats of an event, counted and taken under one lock per event.

Every change that can confirm someone (registering, cancelling, promoting from the waiting
list) locks the event's row (``SELECT ... FOR UPDATE`` on PostgreSQL; on SQLite the
transaction's write lock, taken at once, serialises writers), then counts and writes in the
same transaction. So however many people press the button at once, never more are
confirmed than the capacity.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime

from django.db import connections, router, transaction
from django.utils import timezone

from ..constants import ACTIVE_STATUSES, RegistrationStatus
from ..models import EventPage, Registration
from ..selectors import event_counts


def _lock(event: EventPage) -> EventPage:
    """Lock the event's row for this transaction and return it as stored now.

    Must run inside ``transaction.atomic()``. PostgreSQL locks the row itself; SQLite
    ignores ``FOR UPDATE``, so a write (touching no row) takes the database's write lock
    before anything is counted, whatever transaction mode the connection uses.
    """
    _sqlite_write_lock(_connection())
    return EventPage.objects.select_for_update(of=("self",)).get(pk=event.pk)


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


def _connection():
    """The connection registrations are written through (the router's choice), which
    locks and counts them too."""
    return connections[router.db_for_write(Registration)]


def _sqlite_write_lock(connection) -> None:
    if connection.vendor == "sqlite" and not _sqlite_immediate(connection):
        Registration.objects.using(connection.alias).filter(pk=0).update(
            status=RegistrationStatus.CANCELLED
        )


def _sqlite_immediate(connection) -> bool:
    # ``BEGIN IMMEDIATE`` took the write lock when the transaction began.
    options = connection.settings_dict.get("OPTIONS") or {}
    return str(options.get("transaction_mode", "")).upper() in ("IMMEDIATE", "EXCLUSIVE")


@dataclass(frozen=True)
class _Seats:
    capacity: int | None  # as stored now, read under the lock
    left: int | None  # None: no limit
    holder: int | None  # the registration already holding the address, if any
    last_waiting: int | None


def _seats_locked(event: EventPage, *, email: str) -> _Seats:
    """Lock the event and count its registrations for one registering ``email``: the
    capacity as stored now (an editor may just have changed it), the free seats, the active
    registration of ``email`` if there is one, and the last waiting number given.

    Every registration runs this, so it is SQL written once per process rather than
    querysets compiled anew on each request. On SQLite, whose write lock the transaction
    holds already, it is one statement; where rows are locked (PostgreSQL), the count is a
    statement of its own after the lock is granted, so it sees every registration
    committed before it: counted in the locking statement, it would see the rows as they
    were when that statement began to wait. Must run inside ``transaction.atomic()``.
    """
    connection = _connection()
    sql = _seats_sql(connection.alias, connection.vendor)
    count_params = [
        str(RegistrationStatus.CONFIRMED),
        *(str(status) for status in ACTIVE_STATUSES),
        email,
        event.pk,
    ]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            _sqlite_write_lock(connection)
            cursor.execute(sql["sqlite"], [event.pk, *count_params])
            capacity, confirmed, holder, last_waiting = cursor.fetchone()
        else:
            cursor.execute(sql["lock"], [event.pk])
            row = cursor.fetchone()
            if row is None:
                raise EventPage.DoesNotExist
            [capacity] = row
            cursor.execute(sql["count"], count_params)
            confirmed, holder, last_waiting = cursor.fetchone()
    left = None if capacity is None else max(capacity - confirmed, 0)
    return _Seats(capacity=capacity, left=left, holder=holder, last_waiting=last_waiting)


@functools.cache
def _seats_sql(alias: str, vendor: str) -> dict[str, str]:
    """The statements of :func:`_seats_locked`, named from the models' tables and columns
    and quoted for the database ``alias`` (of ``vendor``): kept per database, so a site
    with several never runs one database's SQL on another."""
    from forms.models import FormSubmission

    connection = connections[alias]

    def table(model) -> str:
        return connection.ops.quote_name(model._meta.db_table)

    def column(model, name: str) -> str:
        return connection.ops.quote_name(model._meta.get_field(name).column)

    pk = column(EventPage, EventPage._meta.pk.name)
    # Names from the models' options alone; every value is a parameter.
    capacity_column, page_table = column(EventPage, "capacity"), table(EventPage)
    capacity = f"SELECT {capacity_column} FROM {page_table} WHERE {pk} = %s"  # noqa: S608  # nosec B608
    status = f"r.{column(Registration, 'status')}"
    active = ", ".join(["%s"] * len(ACTIVE_STATUSES))
    counts = (
        f"COUNT(CASE WHEN {status} = %s THEN 1 END), "
        f"MAX(CASE WHEN {status} IN ({active}) "
        f"AND s.{column(FormSubmission, 'subject_email')} = %s "
        f"THEN r.{column(Registration, 'id')} END), "
        f"MAX(r.{column(Registration, 'waiting_number')}) "
        f"FROM {table(Registration)} r INNER JOIN {table(FormSubmission)} s "
        f"ON s.{column(FormSubmission, 'id')} = r.{column(Registration, 'submission')} "
        f"WHERE r.{column(Registration, 'event')} = %s"
    )
    return {
        "sqlite": f"SELECT ({capacity}), {counts}",
        "lock": f"{capacity} FOR UPDATE",
        "count": f"SELECT {counts}",
    }


def _promote(event: EventPage, now: datetime) -> list[Registration]:
    """Move the first people waiting up to the free seats, each told once the change is
    committed; the event must be locked."""
    from .mail import registration_mail_send

    # The free seats as the event page counts them (None: no limit).
    free = event_counts(event=event).seats_left
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

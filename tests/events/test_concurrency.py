"""Capacity under concurrency, on PostgreSQL: 200 people race for 50 seats through real
connections, and exactly 50 get one."""

import threading
from collections import Counter

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import connection

from events.constants import RegistrationStatus
from events.models import Registration
from forms.models import FormSubmission
from tests.events.factories import person

ON_POSTGRES = "postgresql" in settings.DATABASES["default"]["ENGINE"]

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        not ON_POSTGRES,
        reason="SQLite serialises writers with one database lock, so there is no race to test; "
        "run with DATABASE_URL=postgres://... for the row lock",
    ),
]

PEOPLE = 200
SEATS = 50
THREADS = 25  # each with its own connection, well under PostgreSQL's default of 100


def test_200_registrations_racing_for_50_seats_confirm_exactly_50(make_event):
    event = make_event(capacity=SEATS)
    start = threading.Barrier(THREADS)
    results: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def work(batch: list[int]) -> None:
        try:
            start.wait()
            for n in batch:
                form = event.get_form(person(n), page=event, user=AnonymousUser())
                assert form.is_valid(), form.errors
                registration = event.submission_store(form).registration
                with lock:
                    results.append(registration.status)
        except BaseException as error:  # noqa: BLE001 - reported below, with the thread's result
            with lock:
                errors.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=work, args=(list(range(i, PEOPLE, THREADS)),))
        for i in range(THREADS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert Counter(results) == {
        RegistrationStatus.CONFIRMED: SEATS,
        RegistrationStatus.WAITING: 150,
    }
    stored = Counter(Registration.objects.filter(event=event).values_list("status", flat=True))
    assert stored == {RegistrationStatus.CONFIRMED: SEATS, RegistrationStatus.WAITING: 150}
    emails = list(FormSubmission.objects.values_list("subject_email", flat=True))
    assert len(emails) == len(set(emails)) == PEOPLE
    numbers = list(
        Registration.objects.filter(status=RegistrationStatus.WAITING).values_list(
            "waiting_number", flat=True
        )
    )
    assert sorted(numbers) == list(range(1, 151))

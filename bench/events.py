"""Registration rate of ``events.EventPage``, next to Wagtail's stock form page, and the event
page's query count as registrations grow.

Run with ``.venv/bin/python bench/events.py`` (``BENCH_QUICK=1`` or ``--quick`` for a short
run). Like ``bench/forms.py`` (whose stock page, database handling and PostgreSQL detection it
reuses) it measures on SQLite, then on PostgreSQL when one answers at ``DATABASE_URL``, each in
a process of its own on a throw-away test database.

- registrations per second, Django test client: the event's registration form (first name,
  name, function, company, e-mail, optional needs; the event purposes stated, the photo box
  ticked), each with a new address, through the HTML page and through the forms API. Every
  registration locks the event, counts seats, stores the submission, its consent records and
  the registration, and queues the confirmation with its calendar file for the task worker
  (the database task backend, as in production; the worker does not run while the requests
  are timed, so the mail is off the request as it is there). Next to it, in the
  same run, the stock ``AbstractForm`` page with the same six text fields. Rounds alternate;
  the best round of each counts.
- the SQL queries of one GET of a public event page (participant list shown) at 10, 100 and
  1,000 confirmed registrations: the figure must not grow with the list.
"""

import importlib.util
import os
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
QUICK = os.environ.get("BENCH_QUICK") == "1" or "--quick" in sys.argv
REGISTRATIONS = 40 if QUICK else 300
ROUNDS = 2 if QUICK else 3
LIST_SIZES = (10, 100, 1000)
CHILD_FLAG = "BENCH_EVENTS_CHILD"

_spec = importlib.util.spec_from_file_location("bench_forms", BASE_DIR / "bench" / "forms.py")
bench_forms = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_forms)


def run_children() -> int:
    """One process per database, as bench/forms.py does, under this script's own flag."""
    bench_forms.CHILD_FLAG = CHILD_FLAG
    bench_forms.__file__ = __file__
    bench_forms.PG_URL = "postgres://postgres@127.0.0.1:5432/bench_events"
    return bench_forms.run_children()


# --- Everything below runs in a child process with Django set up ---------------------------

TEXT_FIELDS = ("first_name", "last_name", "function", "company", "email", "needs")


def build(stock_page_model, stock_field_model):
    from datetime import timedelta

    from django.contrib.auth.models import Group
    from django.db import connection
    from django.utils import timezone
    from wagtail.models import Locale, Site

    from events import conf as events_conf
    from events.constants import EVENT_END, EventKind
    from events.models import EventIndexPage, EventPage
    from forms.models import FieldType, Inbox
    from privacy.models import LegalBasis, Purpose, RetentionStart

    with connection.schema_editor() as editor:
        editor.create_model(stock_page_model)
        editor.create_model(stock_field_model)
    nl = Locale.objects.get_or_create(language_code="nl")[0]
    home = Site.objects.get(is_default_site=True).root_page
    purposes = {}
    for key, basis, (amount, unit), start in (
        ("event-registration", LegalBasis.CONTRACT, (3, "months"), EVENT_END.value),
        ("participant-list", LegalBasis.LEGITIMATE_INTEREST, (0, "months"), EVENT_END.value),
        ("trainee-list", LegalBasis.CONTRACT, (0, "months"), EVENT_END.value),
        ("event-photos", LegalBasis.CONSENT, (3, "years"), RetentionStart.SUBMISSION),
        # Without it the form has no needs question: six text fields, as on the stock page.
        ("event-needs", LegalBasis.CONSENT, (0, "months"), EVENT_END.value),
    ):
        purpose = Purpose.objects.create(
            key=key,
            locale=nl,
            name=key,
            consent_text=f"Tekst van {key}.",
            legal_basis=basis,
            retention_period=amount,
            retention_unit=unit,
            retention_from=start,
        )
        purpose.save_revision(log_action=False)
        purposes[key] = purpose
    inbox = Inbox.objects.create(
        name="Event registrations",
        # The events app's own migration makes its group.
        group=Group.objects.get_or_create(name=events_conf.group_name())[0],
        notification_address="",
        purpose=purposes["event-registration"],
    )
    index = home.add_child(instance=EventIndexPage(title="Agenda", slug="agenda"))
    start = timezone.now() + timedelta(days=30)

    def event(slug):
        return index.add_child(
            instance=EventPage(
                title=slug,
                slug=slug,
                kind=EventKind.EVENT,
                start=start,
                end=start + timedelta(hours=2),
                participant_list="public",
                # Seats to spare, but counted: every registration counts them, as at a real
                # event.
                capacity=1_000_000,
                inbox=inbox,
            )
        )

    ours = event("netwerkavond")
    listed = event("ledenavond")
    stock = home.add_child(instance=stock_page_model(title="Stock", slug="stock"))
    for order, key in enumerate(TEXT_FIELDS):
        kind = FieldType.EMAIL if key == "email" else FieldType.SINGLELINE
        stock_field_model.objects.create(
            page=stock, sort_order=order, label=key, field_type=kind, required=key != "needs"
        )
    return ours, listed, stock


def answers(n: int) -> dict:
    return {
        "first_name": "Jan",
        "last_name": f"Peeters {n}",
        "function": "Zaakvoerder",
        "company": "Voorbeeld BV",
        "email": f"jan.peeters.{n}@example.org",
        "needs": "",
    }


class Counter:
    n = 0

    def next(self) -> int:
        self.n += 1
        return self.n


def rate(client, url, data_for, expected):
    start = time.perf_counter()
    for _ in range(REGISTRATIONS):
        response = client.post(url, data_for())
        assert response.status_code == expected, (url, response.status_code, response.content[:500])
    return REGISTRATIONS / (time.perf_counter() - start)


def bench_rates(ours, stock):
    from django.core import mail
    from django.test import Client

    from events.models import Registration

    client = Client()
    counter = Counter()

    def ours_data():
        return {**answers(counter.next()), "photo_consent": "on"}

    targets = [
        ("stock AbstractForm, HTML", stock.url, lambda: answers(0), 200),
        # A stored registration is answered with a 303 to the thank-you page.
        ("events.EventPage, HTML", ours.url, ours_data, 303),
        ("events.EventPage, API", f"/api/forms/{ours.pk}/submissions", ours_data, 201),
    ]
    for _label, url, data_for, _expected in targets:  # warm-up: imports, caches
        client.post(url, data_for())
    best = {label: 0.0 for label, *_ in targets}
    for _ in range(ROUNDS):
        for label, url, data_for, expected in targets:
            best[label] = max(best[label], rate(client, url, data_for, expected))
            mail.outbox = []
    baseline = best[targets[0][0]]
    print(f"{'registrations per second':<36}{'rate/s':>10}{'vs stock':>10}")
    for label, *_ in targets:
        print(f"{label:<36}{best[label]:>10.1f}{best[label] / baseline:>9.2f}x")
    from django_tasks_db.models import DBTaskResult

    from privacy.models import OutgoingMail

    stored = Registration.objects.filter(event=ours).count()
    print(
        f"({REGISTRATIONS} registrations x {ROUNDS} rounds per target; best round; "
        f"{stored} registrations stored, {OutgoingMail.objects.count()} mails queued with "
        f"{DBTaskResult.objects.count()} tasks for the worker, {len(mail.outbox)} sent in a request)"
    )
    return best, baseline


def fill(event, upto: int) -> None:
    """Confirmed registrations for ``event`` up to ``upto``, written in bulk: the page is
    measured, not the form."""
    from django.utils import timezone

    from events.constants import RegistrationStatus
    from events.models import Registration
    from forms.models import FormSubmission

    have = Registration.objects.filter(event=event).count()
    now = timezone.now()
    submissions = FormSubmission.objects.bulk_create(
        [
            FormSubmission(
                page=event,
                form_title=event.title,
                inbox=event.inbox,
                locale="nl",
                answers=answers(n),
                subject_email=answers(n)["email"],
                ends_at=event.end,
            )
            for n in range(have, upto)
        ]
    )
    Registration.objects.bulk_create(
        [
            Registration(
                event=event,
                submission=submission,
                status=RegistrationStatus.CONFIRMED,
                confirmed_at=now,
                link_followed_at=now,
                hidden_from_list=n % 10 == 0,
            )
            for n, submission in enumerate(submissions)
        ]
    )


def bench_queries(listed):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from events.selectors import participants_listed

    client = Client()
    url = f"{listed.url}participants/"  # the public list's own page
    client.get(url)  # warm-up: caches of the form definitions and purposes
    print(f"{'participant list GET':<36}{'shown':>10}{'queries':>10}")
    counts = []
    for size in LIST_SIZES:
        fill(listed, size)
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        shown = len(participants_listed(event=listed))
        counts.append(len(queries))
        print(f"{f'{size} registrations':<36}{shown:>10}{len(queries):>10}")
    verdict = "constant" if len(set(counts)) == 1 else "GROWS"
    print(f"(one in ten objects to the list; queries from 10 to 1,000: {verdict})")
    return counts


def child_main():
    bench_forms.setup_django()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import (
        override_settings,
        setup_test_environment,
        teardown_test_environment,
    )

    setup_test_environment()
    settings.FORMS_RATE_LIMIT = "1000000/m"
    settings.RECAPTCHA_PUBLIC_KEY = settings.RECAPTCHA_PRIVATE_KEY = ""
    # E-mail leaves as in production: stored with a task for `manage.py db_worker`, which
    # does not run while the requests are timed.
    override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}).enable()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        stock_page_model, stock_field_model = bench_forms.stock_models()
        ours, listed, stock = build(stock_page_model, stock_field_model)
        print(
            f"bench/events.py on {connection.vendor} ({'quick' if QUICK else 'full'} mode), "
            "Django test client"
        )
        bench_rates(ours, stock)
        print()
        counts = bench_queries(listed)
        print(f"goal: the same number of queries at every size; here {sorted(set(counts))}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


if __name__ == "__main__":
    if os.environ.get(CHILD_FLAG):
        child_main()
    else:
        sys.exit(run_children())

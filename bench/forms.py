"""Submission rate and upload memory of ``forms.FormPage``, next to Wagtail's stock form page.

Run with ``.venv/bin/python bench/forms.py`` (``BENCH_QUICK=1`` or ``--quick`` for a short
run). It measures on SQLite, then again on PostgreSQL when one answers at ``DATABASE_URL``
(default ``postgres://postgres@127.0.0.1:5432/bench_forms``). The database name gets the
run's process id, so runs side by side never share one: the bench creates and drops
``test_bench_forms_<pid>``. Each database runs in its own process, so settings load once
per run.

In each process, on a throw-away test database:

- submissions per second, Django test client, of the contact form (name, e-mail, question,
  one required purpose consent; inbox routing, consent records, retention date, rate limit
  and notification all on) through the HTML page and through the API, next to a stock
  ``AbstractForm`` page with the same three text fields in the same run. The stock page
  is a model defined here and created with the schema editor: the project carries no model
  or migration for it. Both pages render the same templates, so the figures compare form
  handling, not page chrome. Rounds alternate and the best round of each counts.
- the peak of Python allocations (tracemalloc) while the server side takes a 1 MB, 10 MB and
  50 MB upload (field and body limits raised for it), HTML and API. The body is streamed
  from a file into Django's WSGI handler as a real server would, so the figure is the
  server's and not the test client's copy of the body.
"""

import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
QUICK = os.environ.get("BENCH_QUICK") == "1" or "--quick" in sys.argv
SUBMISSIONS = 40 if QUICK else 300
ROUNDS = 2 if QUICK else 3
UPLOAD_SIZES_MB = (1, 10, 50)
PG_URL = "postgres://postgres@127.0.0.1:5432/bench_forms"
CHILD_FLAG = "BENCH_FORMS_CHILD"
CSRF_SECRET = "b" * 32


def run_children() -> int:
    """One process per database: SQLite, then PostgreSQL when it answers."""
    targets = [("SQLite", {"DATABASE_URL": "sqlite:///:memory:"})]
    pg_url = os.environ.get("DATABASE_URL", PG_URL)
    if pg_url.startswith("postgres"):
        pg_url = f"{pg_url.rstrip('/')}_{os.getpid()}"
    if pg_url.startswith("postgres") and postgres_answers(pg_url):
        targets.append(("PostgreSQL", {"DATABASE_URL": pg_url}))
    else:
        print(f"PostgreSQL does not answer at {pg_url}; measured on SQLite only.\n")
    status = 0
    for _label, env in targets:
        result = subprocess.run(  # noqa: S603
            [sys.executable, __file__, *sys.argv[1:]],
            env={**os.environ, **env, CHILD_FLAG: "1"},
            check=False,
        )
        status = status or result.returncode
        print()
    return status


def postgres_answers(url: str) -> bool:
    try:
        import psycopg

        # The bench database may not exist yet; the server answering is what counts.
        server = url.replace("postgres://", "postgresql://").rsplit("/", 1)[0] + "/postgres"
        psycopg.connect(server, connect_timeout=3).close()
    except Exception:
        return False
    return True


# --- Everything below runs in a child process with Django set up ---------------------------


def setup_django():
    sys.path.insert(0, str(BASE_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.test")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()


def stock_models():
    """Wagtail's stock form page and field, with nothing added."""
    from django.db import models
    from modelcluster.fields import ParentalKey
    from wagtail.contrib.forms.models import AbstractForm, AbstractFormField

    class StockFormPage(AbstractForm):
        # Same templates as forms.FormPage so rendering costs the same on both sides.
        template = "forms/form_page.html"
        landing_page_template = "forms/form_page_landing.html"

        class Meta:
            app_label = "forms"  # registered for routing; never migrated

    class StockFormField(AbstractFormField):
        page = ParentalKey(StockFormPage, on_delete=models.CASCADE, related_name="form_fields")

        # Extends the abstract Meta as a project's own field model does by inheriting it:
        # a bare Meta would drop Wagtail's ordering by sort_order and with it the ORDER BY
        # every stock form pays for.
        class Meta(AbstractFormField.Meta):
            app_label = "forms"

    return StockFormPage, StockFormField


def build(stock_page_model, stock_field_model):
    from django.contrib.auth.models import Group
    from django.db import connection
    from wagtail.models import Locale, Site

    from forms.models import FieldType, FormField, FormPage, Inbox
    from privacy.models import LegalBasis, Purpose, RetentionStart

    with connection.schema_editor() as editor:
        editor.create_model(stock_page_model)
        editor.create_model(stock_field_model)
    nl = Locale.objects.get_or_create(language_code="nl")[0]
    home = Site.objects.get(is_default_site=True).root_page
    purpose = Purpose.objects.create(
        key="answer-request",
        locale=nl,
        name="Antwoord",
        consent_text="Ik wil antwoord op mijn vraag.",
        legal_basis=LegalBasis.CONSENT,
        retention_period=1,
        retention_unit="years",
        retention_from=RetentionStart.DECISION,
    )
    purpose.save_revision(log_action=False)
    inbox = Inbox.objects.create(
        name="Contact requests",
        group=Group.objects.create(name="Secretariat"),
        notification_address="secretariaat@example.org",
        purpose=purpose,
    )
    ours = home.add_child(instance=FormPage(title="Contact", slug="contact", inbox=inbox))
    stock = home.add_child(instance=stock_page_model(title="Stock", slug="stock"))
    text_fields = [
        ("Naam", "name", FieldType.SINGLELINE),
        ("E-mail", "email", FieldType.EMAIL),
        ("Vraag", "question", FieldType.MULTILINE),
    ]
    for order, (label, key, kind) in enumerate(text_fields):
        FormField.objects.create(
            page=ours,
            sort_order=order,
            label=label,
            key=key,
            field_type=kind,
            required=True,
            is_subject_email=key == "email",
        )
        stock_field_model.objects.create(
            page=stock, sort_order=order, label=key, field_type=kind, required=True
        )
    FormField.objects.create(
        page=ours,
        sort_order=3,
        label="Antwoord",
        key="consent_answer",
        field_type=FieldType.PURPOSE,
        purpose=purpose,
        required=True,
    )
    attachment = FormField.objects.create(
        page=ours,
        sort_order=4,
        label="Bijlage",
        key="attachment",
        field_type=FieldType.FILE,
        required=False,
    )
    return ours, stock, attachment


ANSWERS = {
    "name": "Jan Peeters",
    "email": "jan.peeters@example.org",
    "question": "Wanneer is de volgende netwerkavond? " * 5,
}


def rate(client, url, data, expected):
    start = time.perf_counter()
    for _ in range(SUBMISSIONS):
        response = client.post(url, data)
        assert response.status_code == expected, (url, response.status_code, response.content[:500])
    return SUBMISSIONS / (time.perf_counter() - start)


def bench_rates(ours, stock):
    from django.core import mail
    from django.test import Client

    from forms.models import FormSubmission

    client = Client()
    targets = [
        ("stock AbstractForm, HTML", stock.url, ANSWERS, 200),
        # A stored submission is answered with a 303 to the thank-you page.
        ("forms.FormPage, HTML", ours.url, {**ANSWERS, "consent_answer": "on"}, 303),
        (
            "forms.FormPage, API",
            f"/api/forms/{ours.pk}/submissions",
            {**ANSWERS, "consent_answer": "on"},
            201,
        ),
    ]
    for _label, url, data, _expected in targets:  # warm-up: imports, caches, first queries
        client.post(url, data)
    best = {label: 0.0 for label, *_ in targets}
    for _ in range(ROUNDS):
        for label, url, data, expected in targets:
            best[label] = max(best[label], rate(client, url, data, expected))
            mail.outbox = []
    baseline = best[targets[0][0]]
    print(f"{'submissions per second':<36}{'rate/s':>10}{'vs stock':>10}")
    for label, *_ in targets:
        print(f"{label:<36}{best[label]:>10.1f}{best[label] / baseline:>9.2f}x")
    stored = FormSubmission.objects.count()
    print(f"({SUBMISSIONS} submissions x {ROUNDS} rounds per target; best round; {stored} stored)")
    return best, baseline


def multipart_file(path, fields, file_field, file_size):
    """Write a multipart body with ``file_size`` bytes of PDF to ``path``; return its type."""
    boundary = "BenchBoundary7MA4YWxkTrZu0gW"
    head = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n"
    tail = b"\n%%EOF\n"
    chunk = b"0" * (1024 * 1024)
    with open(path, "wb") as body:
        for name, value in fields.items():
            body.write(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                f"{value}\r\n".encode()
            )
        body.write(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; '
            f'filename="offerte.pdf"\r\nContent-Type: application/pdf\r\n\r\n'.encode()
        )
        body.write(head)
        remaining = file_size - len(head) - len(tail)
        while remaining > 0:
            body.write(chunk[: min(remaining, len(chunk))])
            remaining -= len(chunk)
        body.write(tail)
        body.write(f"\r\n--{boundary}--\r\n".encode())
    return f"multipart/form-data; boundary={boundary}"


def serve_streamed(path, url, content_type):
    """Send the body in ``path`` through Django's WSGI handler, reading it as a server would."""
    from django.core.handlers.wsgi import WSGIHandler

    size = os.path.getsize(path)
    status = []
    with open(path, "rb") as stream:
        environ = {
            "REQUEST_METHOD": "POST",
            "PATH_INFO": url,
            "SCRIPT_NAME": "",
            "QUERY_STRING": "",
            "SERVER_NAME": "testserver",
            "SERVER_PORT": "80",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": "127.0.0.1",
            # The HTML form checks CSRF like a browser's post would pass it.
            "HTTP_COOKIE": f"csrftoken={CSRF_SECRET}",
            "HTTP_X_CSRFTOKEN": CSRF_SECRET,
            "CONTENT_TYPE": content_type,
            "CONTENT_LENGTH": str(size),
            "wsgi.input": stream,
            "wsgi.url_scheme": "http",
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": False,
            "wsgi.multiprocess": False,
            "wsgi.run_once": False,
            "wsgi.version": (1, 0),
        }
        response = WSGIHandler()(environ, lambda s, h, *a: status.append(s))
        b"".join(response)
        response.close()
    return int(status[0].split()[0])


def bench_memory(ours, attachment):
    from django.conf import settings
    from django.test.utils import override_settings

    from forms.models import SubmissionFile

    attachment.max_file_size_mb = max(UPLOAD_SIZES_MB) + 10
    attachment.save()
    fields = {**ANSWERS, "consent_answer": "on"}
    targets = [("HTML", ours.url, 303), ("API", f"/api/forms/{ours.pk}/submissions", 201)]
    print(
        f"{'peak Python memory during upload':<36}"
        + "".join(f"{f'{mb} MB':>10}" for mb in UPLOAD_SIZES_MB)
    )
    limit = (max(UPLOAD_SIZES_MB) + 10) * 1024 * 1024
    with tempfile.TemporaryDirectory() as scratch, override_settings(REQUEST_MAX_BODY_SIZE=limit):
        bodies = {}
        for mb in UPLOAD_SIZES_MB:
            path = Path(scratch) / f"body-{mb}.bin"
            bodies[mb] = (path, multipart_file(path, fields, "attachment", mb * 1024 * 1024))
        for label, url, expected in targets:
            peaks = []
            for mb in UPLOAD_SIZES_MB:
                path, content_type = bodies[mb]
                serve_streamed(path, url, content_type)  # warm-up
                tracemalloc.start()
                status = serve_streamed(path, url, content_type)
                _current, peak = tracemalloc.get_traced_memory()
                tracemalloc.stop()
                assert status == expected, (label, mb, status)
                peaks.append(peak)
            print(
                f"forms.FormPage, {label:<20}"
                + "".join(f"{peak / 2**20:>7.2f} MB" for peak in peaks)
            )
    stored = SubmissionFile.objects.count()
    print(
        f"(files over FILE_UPLOAD_MAX_MEMORY_SIZE = {settings.FILE_UPLOAD_MAX_MEMORY_SIZE / 2**20:.1f} MB"
        f" are spooled to disk; {stored} files stored)"
    )
    for item in SubmissionFile.objects.all():
        item.file.delete(save=False)


def profile(ours):
    """Where a submission's time goes: the 15 costliest functions of the HTML path."""
    import cProfile
    import pstats

    from django.test import Client

    client = Client()
    data = {**ANSWERS, "consent_answer": "on"}
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(SUBMISSIONS):
        client.post(ours.url, data)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


def child_main():
    setup_django()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import (
        override_settings,
        setup_test_environment,
        teardown_test_environment,
    )

    setup_test_environment()
    # Counted like in production, with a budget no bench reaches.
    settings.FORMS_RATE_LIMIT = "1000000/m"
    settings.RECAPTCHA_PUBLIC_KEY = settings.RECAPTCHA_PRIVATE_KEY = ""
    # E-mail leaves as in production: stored with a task for `manage.py db_worker`, which
    # does not run while the requests are timed.
    override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}).enable()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        stock_page_model, stock_field_model = stock_models()
        ours, stock, attachment = build(stock_page_model, stock_field_model)
        print(
            f"bench/forms.py on {connection.vendor} ({'quick' if QUICK else 'full'} mode), "
            "Django test client"
        )
        best, baseline = bench_rates(ours, stock)
        print()
        bench_memory(ours, attachment)
        if "--profile" in sys.argv:
            profile(ours)
        slowest = min(list(best.values())[1:]) / baseline  # ours only: the stock page is first
        print(f"goal: at least 1.00x the stock page's rate; lowest here {slowest:.2f}x")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


if __name__ == "__main__":
    if os.environ.get(CHILD_FLAG):
        child_main()
    else:
        sys.exit(run_children())

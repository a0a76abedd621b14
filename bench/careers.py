"""The recruitment area at scale: listing, CV download and retention of applications.

Each figure is printed next to a baseline measured in the same process:

- the recruitment listing (``/admin/recruitment/``, 50 per page, with the count per status)
  with 100 and with 10k applications: SQL queries per render (constant: the same at 100 and
  10k) and the median render time over 21 requests (issue 8 asks under 300 ms at 10k), next
  to the forms inbox listing of the same submissions;
- the CV download (a recruiter, local private storage): the peak of Python allocations
  (tracemalloc) while a 10 MB CV streams through the view, next to a 10 kB one and to
  reading the 10 MB file into memory at once (what a non-streaming view would hold);
- ``enforce_retention`` of 1k and 10k expired applications, each with a CV file: rows/s and
  peak of Python allocations (flat: 10k peaks like 1k), and that nothing is left.

Runs against a throw-away database: ``DATABASE_URL`` if set (it is migrated), otherwise a
temporary SQLite file; files go to a temporary private folder. ``BENCH_QUICK=1`` (or
``--quick``) renders fewer times and measures retention at 1k and 5k.

    .venv/bin/python bench/careers.py [--quick]
"""

import io
import os
import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
import uuid
from datetime import timedelta
from pathlib import Path

QUICK = os.environ.get("BENCH_QUICK") == "1" or "--quick" in sys.argv
LISTING_SIZES = (100, 10_000)
RENDERS = 7 if QUICK else 21
RETENTION_SIZES = (1_000, 5_000) if QUICK else (1_000, 10_000)
MB = 1024 * 1024

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
_scratch = tempfile.mkdtemp(prefix="bench-careers-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{_scratch}/bench.sqlite3")
os.environ["DJANGO_SETTINGS_MODULE"] = "website.settings.test"
os.environ["PRIVATE_STORAGE_ROOT"] = f"{_scratch}/private"
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.files.storage import storages  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Locale, Page, Site  # noqa: E402

from careers.constants import VACANCY_CLOSING, ApplicationStatus  # noqa: E402
from careers.models import Application, VacancyIndexPage, VacancyPage  # noqa: E402
from forms.models import FormSubmission, Inbox, SubmissionFile  # noqa: E402
from privacy.models import LegalBasis, Purpose  # noqa: E402

STATUSES = list(ApplicationStatus)


def build():
    """A vacancy in the Recruitment inbox, its purpose, and a recruiter's signed-in client."""
    nl = Locale.objects.get_or_create(language_code="nl")[0]
    site = Site.objects.filter(is_default_site=True).first()
    root = site.root_page if site else Page.get_first_root_node()
    purpose = Purpose.objects.create(
        key="job-application",
        locale=nl,
        name="Sollicitatie",
        consent_text="We behandelen uw sollicitatie.",
        legal_basis=LegalBasis.CONTRACT,
        retention_period=6,
        retention_unit="months",
        retention_from=VACANCY_CLOSING.value,
    )
    purpose.save_revision(log_action=False)
    group = Group.objects.get_or_create(name="Recruitment")[0]
    inbox = Inbox.objects.create(
        name="Recruitment", group=group, notification_address="hr@example.org", purpose=purpose
    )
    index = root.add_child(instance=VacancyIndexPage(title="Vacatures", slug="vacatures"))
    vacancy = index.add_child(
        instance=VacancyPage(
            title="Adviseur",
            slug="adviseur",
            inbox=inbox,
            department="Advies",
            location="Brussel",
            summary="Adviseur voor ondernemers.",
            description="<p>Adviseur.</p>",
        )
    )
    recruiter = get_user_model().objects.create_user("recruiter", "hr@example.org", "pw")
    recruiter.groups.add(group)
    from django.contrib.auth.models import Permission

    recruiter.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return vacancy, inbox, signed_in(recruiter)


def signed_in(user) -> Client:
    """A client past the password and the second factor, as a real sign-in leaves it."""
    from django_otp import DEVICE_ID_SESSION_KEY

    from tests.twofactor import totp_device

    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = totp_device(user).persistent_id
    session.save()
    return client


def populate(vacancy, inbox, count: int, *, expired: bool = False, files: bool = False) -> None:
    """``count`` applications (with their submissions, and a small CV file each if asked),
    written in bulk; statuses and dates spread as a real inbox would have them."""
    now = timezone.now()
    retain = now - timedelta(days=1) if expired else now + timedelta(days=180)
    storage = storages["private"]
    folder = Path(settings.STORAGES["private"]["OPTIONS"]["location"]) / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    start = FormSubmission.objects.count()
    for offset in range(0, count, 2_000):
        size = min(2_000, count - offset)
        submissions = FormSubmission.objects.bulk_create(
            FormSubmission(
                page=vacancy,
                translation_page=vacancy,
                form_title=vacancy.title,
                inbox=inbox,
                locale="nl",
                answers={"name": f"Kandidaat {start + offset + i}", "message": "Graag!"},
                subject_email=f"kandidaat{start + offset + i}@example.org",
                submitted_at=now - timedelta(minutes=offset + i),
                retain_until=retain,
            )
            for i in range(size)
        )
        if connection.vendor != "postgresql":  # bulk_create sets pks on PostgreSQL only
            submissions = list(FormSubmission.objects.order_by("-pk")[:size])[::-1]
        Application.objects.bulk_create(
            Application(
                submission=submission,
                vacancy=vacancy,
                vacancy_title=vacancy.title,
                applicant_name=submission.answers["name"],
                locale="nl",
                status=STATUSES[i % len(STATUSES)],
                submitted_at=submission.submitted_at,
            )
            for i, submission in enumerate(submissions)
        )
        if files:
            rows = []
            for submission in submissions:
                name = f"bench/{uuid.uuid4().hex}"
                (folder / name.removeprefix("bench/")).write_bytes(b"%PDF-1.4 a small CV\n%%EOF\n")
                rows.append(
                    SubmissionFile(
                        submission=submission,
                        field_key="cv",
                        file=name,
                        original_name="cv.pdf",
                        kind="pdf",
                        size=26,
                        sha256="0" * 64,
                    )
                )
            SubmissionFile.objects.bulk_create(rows)
    assert storage.exists  # the private storage is the local folder here


def wipe() -> None:
    FormSubmission.objects.all().delete()  # applications and files' rows cascade
    shutil.rmtree(Path(settings.STORAGES["private"]["OPTIONS"]["location"]) / "bench", True)


def render(client, url) -> tuple[int, float]:
    """Queries of one render, and the median time of RENDERS renders (after a warm-up)."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    # Counted now: the next request clears the connection's query log.
    count = len(queries)
    timings = []
    for _ in range(RENDERS):
        started = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    return count, statistics.median(timings)


def bench_listing(vacancy, inbox, client) -> None:
    recruitment = reverse("careers_recruitment:index")
    inbox_listing = reverse("forms_inboxes:submissions", args=[inbox.pk])
    print("listing, 50 per page      | applications | queries | median ms")
    populated = 0
    for size in LISTING_SIZES:
        populate(vacancy, inbox, size - populated)
        populated = size
        for label, url in (
            ("recruitment listing", recruitment),
            ("  baseline: forms inbox", inbox_listing),
        ):
            queries, median = render(client, url)
            print(f"{label:<25} | {size:>12,} | {queries:>7} | {median:>9.1f}")
    wipe()


def bench_download(vacancy, inbox, client) -> None:
    populate(vacancy, inbox, 1)
    application = Application.objects.get()
    folder = Path(settings.STORAGES["private"]["OPTIONS"]["location"]) / "bench"
    figures = []
    for label, size in (("10 kB CV", 10 * 1024), ("10 MB CV", 10 * MB)):
        name = f"bench/{uuid.uuid4().hex}"
        (folder / name.removeprefix("bench/")).write_bytes(b"%PDF-1.4\n" + b"0" * (size - 9))
        attachment = SubmissionFile.objects.create(
            submission=application.submission,
            field_key="cv",
            file=name,
            original_name="cv.pdf",
            kind="pdf",
            size=size,
            sha256="0" * 64,
        )
        url = reverse("careers_recruitment:download", args=[application.pk, attachment.pk])
        client.get(url).close()  # warm-up: imports, URL resolving, session
        tracemalloc.start()
        response = client.get(url)
        received = sum(len(chunk) for chunk in response.streaming_content)
        response.close()
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert received == size, (received, size)
        figures.append((label, peak))
        if size == 10 * MB:
            tracemalloc.start()
            with open(folder / name.removeprefix("bench/"), "rb") as handle:
                whole = handle.read()
            _, read_peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            del whole
    print("CV download (streamed)    | peak MiB")
    for label, peak in figures:
        print(f"{label:<25} | {peak / MB:>8.2f}")
    print(f"{'  baseline: read at once':<25} | {read_peak / MB:>8.2f}")
    wipe()


def bench_retention(vacancy, inbox) -> None:
    folder = Path(settings.STORAGES["private"]["OPTIONS"]["location"]) / "bench"
    print("enforce_retention         | applications |   rows/s | peak MiB")
    for size in RETENTION_SIZES:
        figures = []
        for traced in (False, True):
            populate(vacancy, inbox, size, expired=True, files=True)
            if traced:
                tracemalloc.start()
            started = time.perf_counter()
            call_command("enforce_retention", stdout=io.StringIO(), stderr=io.StringIO())
            elapsed = time.perf_counter() - started
            if traced:
                _, peak = tracemalloc.get_traced_memory()
                tracemalloc.stop()
                figures.append(peak)
            else:
                figures.append(size / elapsed)
            left = sum(1 for _ in folder.iterdir()) if folder.exists() else 0
            assert not Application.objects.exists() and left == 0, (size, left)
        rate, peak = figures
        print(f"{'with a CV each':<25} | {size:>12,} | {rate:>8,.0f} | {peak / MB:>8.2f}")


def main() -> None:
    print(f"database: {connection.vendor}")
    call_command("migrate", verbosity=0)
    settings.DEBUG = False
    try:
        vacancy, inbox, client = build()
        bench_listing(vacancy, inbox, client)
        print()
        bench_download(vacancy, inbox, client)
        print()
        bench_retention(vacancy, inbox)
    finally:
        connection.close()
        shutil.rmtree(_scratch, ignore_errors=True)


if __name__ == "__main__":
    main()

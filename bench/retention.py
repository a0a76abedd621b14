"""Retention and subject export at scale, next to the plain way of doing the same.

For 1k, 10k and 100k expired rows, each with a small file, it prints rows/s and peak Python
memory (tracemalloc) of ``enforce_retention`` and of a plain
``Model.objects.filter(...).delete()`` followed by removing the files, on the same data in
the same process. Then it fills the table with 1M rows and prints the median time of a
subject export (indexed e-mail) next to the same lookup on an unindexed column.

Runs against a throw-away database: ``DATABASE_URL`` if set (it is migrated), otherwise a
temporary SQLite file; files go to a temporary folder (the private storage must be the
file system one). ``BENCH_QUICK=1`` (or ``--quick``) uses 1k/10k rows and 100k rows for
the export.

    .venv/bin/python bench/retention.py [--quick]
"""

import io
import os
import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import timedelta
from pathlib import Path

QUICK = os.environ.get("BENCH_QUICK") == "1" or "--quick" in sys.argv
SIZES = (1_000, 10_000) if QUICK else (1_000, 10_000, 100_000)
EXPORT_ROWS = 100_000 if QUICK else 1_000_000
EXPORT_SAMPLES = 51

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
_scratch = tempfile.mkdtemp(prefix="bench-retention-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{_scratch}/bench.sqlite3")
# The test settings install the test app whose Dossier model declares PersonalData.
os.environ["DJANGO_SETTINGS_MODULE"] = "website.settings.test"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from privacy.services import subject_export  # noqa: E402
from tests.privacy.testapp.models import Dossier  # noqa: E402

STORAGE = Dossier._meta.get_field("document").storage


def populate(count: int, *, files: bool = True, offset: int = 0) -> None:
    """``count`` expired dossiers, each with a small file written straight to disk."""
    expired = timezone.now() - timedelta(days=1)
    folder = Path(STORAGE.path("bench"))
    folder.mkdir(parents=True, exist_ok=True)
    batch = []
    for i in range(offset, offset + count):
        name = f"bench/{i}.txt" if files else ""
        if files:
            (folder / f"{i}.txt").write_bytes(b"a small file of personal data\n")
        batch.append(
            Dossier(
                email=f"person{i}@example.org",
                name=f"Person {i}",
                purpose_key="job-application",
                document=name,
                retain_until=expired,
            )
        )
        if len(batch) == 5_000:
            Dossier.objects.bulk_create(batch)
            batch = []
    Dossier.objects.bulk_create(batch)
    # Refresh planner statistics as autovacuum would have by the time rows expire in real
    # life; with a table that grew from empty in seconds, PostgreSQL would otherwise pick
    # sequential scans for every batch.
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {Dossier._meta.db_table}")


def measure(work, size: int) -> tuple[float, float]:
    """Rows/s and peak MiB of ``work()`` on ``size`` fresh rows.

    Timed and traced in separate passes on fresh data, since tracemalloc slows Python down
    several times and would hide the real throughput.
    """
    populate(size)
    started = time.perf_counter()
    work()
    elapsed = time.perf_counter() - started
    check_empty(work)

    populate(size)
    tracemalloc.start()
    work()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    check_empty(work)
    return size / elapsed, peak / 2**20


def check_empty(work) -> None:
    assert not Dossier.objects.exists() and files_left() == 0, work.__name__


def enforce_retention() -> None:
    call_command("enforce_retention", stdout=io.StringIO(), stderr=io.StringIO())


def plain_delete() -> None:
    expired = Dossier.objects.filter(retain_until__lte=timezone.now())
    names = [name for name in expired.values_list("document", flat=True) if name]
    expired.delete()
    for name in names:
        STORAGE.delete(name)


def files_left() -> int:
    folder = Path(STORAGE.path("bench"))
    return sum(1 for _ in folder.iterdir()) if folder.exists() else 0


def bench_retention() -> None:
    print(f"{'rows':>8} | {'enforce_retention':>28} | {'plain delete + files':>28}")
    print(f"{'':>8} | {'rows/s':>12} {'peak MiB':>15} | {'rows/s':>12} {'peak MiB':>15}")
    for size in SIZES:
        figures = [measure(work, size) for work in (enforce_retention, plain_delete)]
        (ours_rate, ours_peak), (plain_rate, plain_peak) = figures
        print(
            f"{size:>8} | {ours_rate:>12,.0f} {ours_peak:>15.1f} | "
            f"{plain_rate:>12,.0f} {plain_peak:>15.1f}"
        )


def bench_export() -> None:
    populate(EXPORT_ROWS, files=False)
    step = EXPORT_ROWS // EXPORT_SAMPLES
    subjects = [i * step for i in range(EXPORT_SAMPLES)]

    def median_ms(lookup) -> float:
        timings = []
        for i in subjects:
            started = time.perf_counter()
            lookup(i)
            timings.append((time.perf_counter() - started) * 1000)
        return statistics.median(timings)

    ours = median_ms(lambda i: subject_export(email=f"person{i}@example.org"))
    unindexed = median_ms(lambda i: list(Dossier.objects.filter(name=f"Person {i}").values()))
    print(
        f"subject export, {EXPORT_ROWS:,} rows: median {ours:.2f} ms "
        f"(same lookup on an unindexed column: {unindexed:.2f} ms)"
    )


def main() -> None:
    print(f"database: {connection.vendor}; sizes {', '.join(f'{s:,}' for s in SIZES)}")
    call_command("migrate", verbosity=0)
    try:
        Dossier.objects.all().delete()
        bench_retention()
        bench_export()
    finally:
        with connection.cursor() as cursor:  # 1M rows: no need for the ORM's collector
            cursor.execute(f"DELETE FROM {Dossier._meta.db_table}")  # noqa: S608
        connection.close()
        shutil.rmtree(_scratch, ignore_errors=True)
        shutil.rmtree(Path(STORAGE.location).parent, ignore_errors=True)


if __name__ == "__main__":
    main()

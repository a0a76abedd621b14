"""Rate and memory of ``manage.py import_plone``, next to creating the same pages directly.

Run with ``.venv/bin/python bench/plone_import.py`` (``BENCH_QUICK=1`` or ``--quick`` for a
short run; ``--sizes 10000`` for some sizes only; ``--works import,published:rate`` for some
measurements only). For each size (1,000 and 10,000 items; 100 and 1,000 in quick mode) the script
writes a collective.exportimport export: one JSON list, in path order, of folders holding
documents, news items with a lead image and images, every picture a small generated PNG
carried as base64, as Plone exports it. Then, in a fresh process on a fresh throw-away
SQLite database:

- ``call_command("import_plone", export)``: items per second and the peak of Python
  allocations (tracemalloc) over the whole command;
- the same pages and images made directly with Wagtail's API, from the same items, in the
  same run: each page with ``parent.add_child(instance=...)`` and then its first revision
  published (``save_revision().publish()``), each image with the image model's
  ``objects.create``. That is the fair baseline, and the goal is set against it: an imported
  page is a published page with its revision, as an editor leaves one, and ``add_child``
  alone (no revision, no publication log, nothing in the page history) is not the same
  page. The export here has one language, so there are no translations to make on either
  side. The rate of ``add_child`` alone is printed beside it, for reference only.

Timing and tracing are separate passes, each from the same freshly migrated database (a
copy taken before the first), since tracemalloc slows Python down several times and would
hide the real rate.

Each figure is printed as soon as it is measured, and each size's line as soon as the size is
done, so a run stopped half-way still gives what it measured. The measurements of a size run
in this order: the import's rate, the published baseline's rate, the import's peak memory,
then the reference figures (``add_child`` alone, the baseline's peak memory).

Goals: peak memory at the larger size at most 1.5x the smaller one's (items are streamed,
never all loaded), and at least 0.5x the rate of the direct, published creation. Exits
non-zero on a miss.
"""

import base64
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
import zlib
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
QUICK = os.environ.get("BENCH_QUICK") == "1" or "--quick" in sys.argv
SIZES = (100, 1_000) if QUICK else (1_000, 10_000)
# Each measurement: (name, what is measured, pass); in the order they run.
WORKS = (
    ("import", "rate"),
    ("published", "rate"),
    ("import", "peak"),
    ("direct", "rate"),
    ("published", "peak"),
)
MEMORY_GOAL = 1.5
RATE_GOAL = 0.5
CHILD_FLAG = "BENCH_PLONE_IMPORT_CHILD"
HOST = "http://plone.example"
SITE = "/Plone"
# One folder per this many items: a tree as deep and as wide as a real site's sections.
FOLDER_SIZE = 25


# --- The export ------------------------------------------------------------------------------


def png(n: int) -> bytes:
    """A 16x16 PNG whose colour follows ``n``: every picture in the export is its own file."""
    width = height = 16
    colour = bytes(((n * 37) % 256, (n * 91) % 256, (n * 53) % 256))
    rows = b"".join(b"\x00" + colour * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + b"\x08\x02\x00\x00\x00"
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def uid(n: int) -> str:
    return f"{n:032x}"


def items(size: int):
    """``size`` items in path order, as plone.restapi serialises them; one at a time."""
    folder = None
    for n in range(size):
        if n % FOLDER_SIZE == 0:
            folder = {"n": n, "path": f"/map-{n // FOLDER_SIZE}"}
            yield item(n, "Folder", folder["path"], parent=None, title=f"Afdeling {n // 25}")
            continue
        kind = ("Image", "News Item", "Document", "Document")[n % 4]
        path = f"{folder['path']}/{kind.lower().replace(' ', '-')}-{n}"
        extra = {}
        if kind == "Image":
            extra["image"] = blob(n, f"foto-{n}.png")
        else:
            # A link to the folder, as pages link to their section.
            extra["text"] = {
                "data": f"<h2>Deel {n}</h2><p>Tekst van item {n} met een "
                f'<a href="resolveuid/{uid(folder["n"])}">link naar de afdeling</a>.</p>'
                "<p>Nog een alinea met <strong>vette</strong> tekst.</p>",
                "content-type": "text/html",
                "encoding": "utf-8",
            }
        if kind == "News Item":
            extra["image"] = blob(n, f"nieuws-{n}.png")
            extra["image_caption"] = f"Bijschrift {n}"
            extra["subjects"] = ["handel", f"thema-{n % 7}"]
        yield item(n, kind, path, parent=folder, title=f"{kind} {n}", **extra)


def blob(n: int, filename: str) -> dict:
    return {
        "filename": filename,
        "content-type": "image/png",
        "data": base64.b64encode(png(n)).decode(),
        "encoding": "base64",
    }


def item(n: int, kind: str, path: str, *, parent, title: str, **extra) -> dict:
    return {
        "@id": f"{HOST}{SITE}{path}",
        "@type": kind,
        "UID": uid(n),
        "id": path.rsplit("/", 1)[-1],
        "title": title,
        "description": f"Samenvatting van {title}",
        "language": "nl",
        "review_state": None if kind == "Image" else "published",
        "created": "2021-03-01T10:00:00+00:00",
        "modified": "2022-04-02T11:00:00",
        "effective": "2021-03-01T10:00:00+00:00",
        "expires": None,
        "exclude_from_nav": False,
        "subjects": [],
        "creators": ["redactie"],
        "parent": (
            {"@id": f"{HOST}{SITE}", "@type": "Plone Site", "UID": ""}
            if parent is None
            else {
                "@id": f"{HOST}{SITE}{parent['path']}",
                "@type": "Folder",
                "UID": uid(parent["n"]),
            }
        ),
        **extra,
    }


def export_write(size: int, folder: Path) -> Path:
    """The export as collective.exportimport writes it: ``<site id>.json``, one JSON list."""
    path = folder / "Plone.json"
    with path.open("w", encoding="utf-8") as out:
        out.write("[\n")
        for n, one in enumerate(items(size)):
            out.write((",\n" if n else "") + json.dumps(one))
        out.write("\n]\n")
    return path


# --- One measurement, in a process of its own -------------------------------------------------


def setup_django() -> None:
    sys.path.insert(0, str(BASE_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.test")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()


def site_build():
    """The nl home page as the default site's root, and a second tree for the baseline."""
    from wagtail.models import Locale, Page, Site

    from home.models import HomePage

    locale, _ = Locale.objects.get_or_create(language_code="nl")
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Welkom", slug="welkom", hero_title="Kamer"))
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    baselines = [
        root.add_child(instance=HomePage(title=slug, slug=slug, hero_title=slug, locale=locale))
        for slug in ("direct", "published")
    ]
    return home, *baselines


def import_run(export: Path) -> None:
    from django.core.management import call_command

    try:
        call_command("import_plone", str(export), stdout=io.StringIO(), stderr=io.StringIO())
    except SystemExit as exit_:  # the command exits non-zero when it skipped items
        if exit_.code:
            raise RuntimeError(f"import_plone exited with {exit_.code}") from exit_


def direct_run(export: Path, baseline, *, publish: bool = False) -> None:
    """The same pages and images, straight through Wagtail's API.

    ``publish``: each page also gets its first revision, published, as a page an editor
    makes (and as the import leaves it); without, ``add_child`` alone.
    """
    from django.core.files.images import ImageFile
    from wagtail.images import get_image_model

    from home.models import NewsPage, StandardPage

    Image = get_image_model()
    pages = {}
    for one in export_read(export):
        kind = one["@type"]
        parent = pages.get(one["parent"]["UID"], baseline)
        if kind == "Image":
            Image.objects.create(title=one["title"], file=image_file(one["image"], ImageFile))
            continue
        fields = {
            "title": one["title"],
            "slug": one["id"],
            "search_description": one["description"],
            "live": True,
        }
        body = [("paragraph", one["text"]["data"])] if one.get("text") else []
        if kind == "News Item":
            page = NewsPage(
                **fields,
                intro=one["description"],
                body=body,
                lead_image=Image.objects.create(
                    title=one["title"], file=image_file(one["image"], ImageFile)
                ),
                lead_image_caption=one["image_caption"],
            )
            page.tags.add(*one["subjects"])
        else:
            page = StandardPage(**fields, body=body)
        page = parent.add_child(instance=page)
        if publish:
            page.save_revision().publish()
        if kind == "Folder":
            # Only the parents are kept: an item's parent is a folder.
            pages[one["UID"]] = page


def export_read(export: Path):
    """The items of an export this script wrote (one item a line), one at a time."""
    with export.open(encoding="utf-8") as lines:
        for line in lines:
            line = line.strip().rstrip(",")
            if line not in ("[", "]", ""):
                yield json.loads(line)


def image_file(data: dict, image_file_class):
    return image_file_class(io.BytesIO(base64.b64decode(data["data"])), name=data["filename"])


def counts() -> dict:
    from wagtail.images import get_image_model
    from wagtail.models import Page

    return {"pages": Page.objects.count(), "images": get_image_model().objects.count()}


def child_main() -> None:
    size, export = int(os.environ["BENCH_SIZE"]), Path(os.environ["BENCH_EXPORT"])
    works = [tuple(work.split(":")) for work in os.environ["BENCH_WORKS"].split(",")]
    setup_django()
    import sqlite3

    from django.conf import settings
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        _home, baseline, published = site_build()
        # Every measurement starts from this database: a copy, not a second round of
        # migrations.
        snapshot = sqlite3.connect(":memory:")
        connection.connection.backup(snapshot)
        runs = {
            "import": lambda: import_run(export),
            "published": lambda: direct_run(export, published, publish=True),
            "direct": lambda: direct_run(export, baseline),
        }
        for name, figure in works:
            snapshot.backup(connection.connection)
            cache.clear()
            shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
            before = counts()
            if figure == "peak":
                tracemalloc.start()
                runs[name]()
                value = tracemalloc.get_traced_memory()[1] / 2**20
                tracemalloc.stop()
            else:
                started = time.perf_counter()
                runs[name]()
                value = size / (time.perf_counter() - started)
            after = counts()
            made = {k: after[k] - before[k] for k in after}
            # One line per measurement, at once: the parent prints it as it comes.
            print("FIGURE " + json.dumps([name, figure, value, made]), flush=True)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


# --- The run ---------------------------------------------------------------------------------


def measure(size: int, export: Path, works) -> dict:
    """Run the measurements of one size in a fresh process; print each figure as it comes."""
    figures: dict = {}
    with tempfile.TemporaryDirectory(prefix="bench-plone-") as media:
        child = subprocess.Popen(  # noqa: S603
            [sys.executable, __file__],
            env={
                **os.environ,
                CHILD_FLAG: "1",
                "BENCH_SIZE": str(size),
                "BENCH_EXPORT": str(export),
                "BENCH_WORKS": ",".join(f"{name}:{figure}" for name, figure in works),
                "DATABASE_URL": "sqlite:///:memory:",
                "MEDIA_ROOT": media,
            },
            stdout=subprocess.PIPE,
            text=True,
        )
        for line in child.stdout:
            if not line.startswith("FIGURE "):
                sys.stderr.write(line)
                continue
            name, figure, value, made = json.loads(line.removeprefix("FIGURE "))
            figures[f"{name}_{figure}"] = value
            figures.setdefault(f"{name}_made", made)
            unit = "items/s" if figure == "rate" else "MiB peak"
            print(f"  {size:>6,} items, {name:<9}: {value:10,.1f} {unit}", flush=True)
        child.wait()
    if child.returncode != 0:
        raise SystemExit(f"the run of {size:,} items failed")
    return figures


def _number(figures: dict, key: str, fmt: str, width: int) -> str:
    return format(figures[key], fmt).rjust(width) if key in figures else "—".rjust(width)


def _ratio(figures: dict, key: str, base: str) -> str:
    if key in figures and base in figures:
        return f"{figures[key] / figures[base]:>5.2f}x"
    return "—".rjust(6)


def size_line(size: int, f: dict) -> str:
    return (
        f"{size:>8,} | {_number(f, 'import_rate', ',.1f', 10)} "
        f"{_number(f, 'import_peak', '.1f', 13)} | "
        f"{_number(f, 'published_rate', ',.1f', 10)} {_number(f, 'published_peak', '.1f', 13)} | "
        f"{_ratio(f, 'import_rate', 'published_rate')} | "
        f"{_number(f, 'direct_rate', ',.1f', 21)} | {_ratio(f, 'import_rate', 'direct_rate')}"
    )


HEADER = (
    f"{'items':>8} | {'import_plone':>24} | {'direct, published':>24} | {'rate':>6} | "
    f"{'add_child alone':>21} | {'rate':>6}\n"
    f"{'':>8} | {'items/s':>10} {'peak MiB':>13} | {'items/s':>10} {'peak MiB':>13} | "
    f"{'ratio':>6} | {'items/s':>21} | {'ratio':>6}"
)


def _option(name: str) -> list[str]:
    if name in sys.argv[:-1]:
        return sys.argv[sys.argv.index(name) + 1].split(",")
    return []


def main() -> int:
    # By path: on this script's sys.path, "plone_import" would be the script itself.
    if not (BASE_DIR / "plone_import" / "management" / "commands" / "import_plone.py").exists():
        print("bench/plone_import.py: the plone_import app is not here; nothing to measure")
        return 0
    sizes = [int(size.replace("_", "")) for size in _option("--sizes")] or list(SIZES)
    wanted = set(_option("--works"))
    # "import" names both of the import's measurements, "import:peak" one of them.
    works = [work for work in WORKS if not wanted or work[0] in wanted or ":".join(work) in wanted]
    print(
        f"bench/plone_import.py: import_plone against direct creation, SQLite "
        f"({'quick' if QUICK else 'full'} mode), one fresh process and database per size",
        flush=True,
    )
    results = {}
    with tempfile.TemporaryDirectory(prefix="bench-plone-export-") as folder:
        for size in sizes:
            export = export_write(size, Path(folder))
            results[size] = measure(size, export, works)
            export.unlink()
            print(HEADER + "\n" + size_line(size, results[size]), flush=True)
    print("\nAll sizes:\n" + HEADER)
    for size, f in results.items():
        print(size_line(size, f))
    misses = []
    for size, f in results.items():
        made = [f[key] for key in ("import_made", "direct_made", "published_made") if key in f]
        if any(one != made[0] for one in made):
            print(f"{size:,}: the import and the baselines made different things: {made}")
            misses.append("same work")
    peaks = [results[size]["import_peak"] for size in sizes if "import_peak" in results[size]]
    if len(peaks) == 2:
        memory_ratio = peaks[1] / peaks[0]
        print(
            f"goal: peak memory at {sizes[1]:,} at most {MEMORY_GOAL}x that at {sizes[0]:,}; "
            f"here {memory_ratio:.2f}x"
        )
        if memory_ratio > MEMORY_GOAL:
            misses.append("memory")
    rates = [
        f["import_rate"] / f["published_rate"]
        for f in results.values()
        if "import_rate" in f and "published_rate" in f
    ]
    if rates:
        print(
            f"goal: at least {RATE_GOAL}x the rate of direct, published creation; lowest here "
            f"{min(rates):.2f}x"
        )
        if min(rates) < RATE_GOAL:
            misses.append("rate")
    if misses:
        print(f"missed: {', '.join(misses)}")
        return 1
    return 0


if __name__ == "__main__":
    if os.environ.get(CHILD_FLAG):
        child_main()
    else:
        sys.exit(main())

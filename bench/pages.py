"""Queries and latency of the home page and the API page listing, next to a bare baseline.

Run with ``.venv/bin/python bench/pages.py`` (``BENCH_QUICK=1`` for a short run). The script
builds a throw-away test database, then measures in the same process:

- the chamber's home page (``home.HomePage`` at ``/nl/``, with header menu, language switcher
  and footer) against a baseline page model that has nothing but a title, rendered with a
  one-line template and served as the root of a second site at the same depth and URL;
- the API listing of the home page's children against the same listing of the baseline's;
- each page next to its baseline taking turns request by request, so both run under the
  same load, with wall-clock and CPU medians and the home page's ratio to its baseline;
- the query count of both with 10 and with 1,000 children (100 in quick mode), and as many
  events, vacancies and news items, which the home page lists (its next three of each);
- what a headless front-end asks for: the API detail of the home page and of a page whose
  body has 50 blocks (rich text with links to pages, quotes, calls to action), and the same
  pages found by path (``/api/v2/pages/find/?html_path=``, its redirect followed), which
  should cost the same whatever the number of children or blocks.

The baseline model is defined here and its table made with the schema editor, so the project
carries no model or migration for it.
"""

import os
import statistics
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.test")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.template import engines  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from wagtail.models import Locale, Page, Site  # noqa: E402

QUICK = os.environ.get("BENCH_QUICK") == "1" or "--quick" in sys.argv
REQUESTS = 20 if QUICK else 200
SIZES = (10, 100) if QUICK else (10, 1000)
BASELINE_HOST = "baseline.test"

BASELINE_TEMPLATE = engines["django"].from_string(
    '<!DOCTYPE html><html lang="{{ LANGUAGE_CODE }}"><head><title>{{ page.title }}</title>'
    "</head><body><h1>{{ page.title }}</h1></body></html>"
)


class BaselinePage(Page):
    """A page with a title and nothing else, rendered without any site chrome."""

    class Meta:
        # Registered under an installed app so Wagtail can route to it; never migrated.
        app_label = "home"

    def get_template(self, request, *args, **kwargs):
        return BASELINE_TEMPLATE


def build_tree():
    from home.models import HomePage, OrganisationSettings, StandardPage

    with connection.schema_editor() as editor:
        editor.create_model(BaselinePage)
    locales = {
        code: Locale.objects.get_or_create(language_code=code)[0] for code in ("nl", "fr", "en")
    }
    root = Page.get_first_root_node()

    home = root.add_child(
        instance=HomePage(
            title="Welkom",
            slug="welkom",
            hero_title="Kamer",
            intro="<p>Een <b>inleiding</b>.</p>",
            locale=locales["nl"],
        )
    )
    # Content like the demo's: rich text, a call to action linking a page, a quote.
    home.body = [
        ("paragraph", "<h2>Wat wij doen</h2><p>Ontmoetingen en advies.</p>"),
        (
            "call_to_action",
            {"title": "Word lid", "text": "", "link_label": "Meer", "page": home, "url": ""},
        ),
        ("quote", {"quote": "Een citaat.", "attribution": "Jan"}),
        # The listings the demo's home page leads with.
        ("upcoming_events", {"title": "", "count": 3}),
        ("open_vacancies", {"title": "", "count": 3}),
        ("latest_news", {"title": "", "count": 3}),
    ]
    home.save_revision().publish()
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    for code in ("fr", "en"):
        translation = home.copy_for_translation(locales[code])
        translation.save_revision().publish()
    OrganisationSettings.objects.create(contact_email="info@example.org")

    baseline = root.add_child(
        instance=BaselinePage(title="Baseline", slug="baseline", locale=locales["nl"])
    )
    Site.objects.create(hostname=BASELINE_HOST, port=80, root_page=baseline)
    return home, baseline, StandardPage


def build_listings(home):
    """The news, vacancy and event indexes under the home page, and an inbox for the forms."""
    from django.contrib.auth.models import Group

    from careers.models import VacancyIndexPage
    from events.models import EventIndexPage
    from forms.models import Inbox
    from home.models import NewsIndexPage
    from privacy.models import LegalBasis, Purpose, RetentionStart

    purpose = Purpose.objects.create(
        key="bench",
        locale=home.locale,
        name="Bench",
        consent_text="Bench.",
        legal_basis=LegalBasis.CONTRACT,
        retention_period=1,
        retention_unit="months",
        retention_from=RetentionStart.SUBMISSION,
    )
    inbox = Inbox.objects.create(
        name="Bench", group=Group.objects.create(name="Bench"), purpose=purpose
    )
    indexes = {
        "news": home.add_child(instance=NewsIndexPage(title="Nieuws", slug="nieuws")),
        "vacancies": home.add_child(instance=VacancyIndexPage(title="Vacatures", slug="vacatures")),
        "events": home.add_child(instance=EventIndexPage(title="Agenda", slug="agenda")),
    }
    return indexes, inbox


def add_listing_items(indexes, inbox, count):
    """``count`` news items, open vacancies and upcoming events in all."""
    import datetime

    from django.utils import timezone

    from careers.models import VacancyPage
    from events.constants import EventKind
    from events.models import EventPage
    from home.models import NewsPage

    today = timezone.localdate()
    soon = timezone.now() + datetime.timedelta(days=7)
    for n in range(indexes["news"].get_children().count(), count):
        indexes["news"].add_child(
            instance=NewsPage(title=f"Bericht {n}", slug=f"bericht-{n}", date=today, intro="Kort.")
        )
        indexes["vacancies"].add_child(
            instance=VacancyPage(
                title=f"Vacature {n}",
                slug=f"vacature-{n}",
                inbox=inbox,
                department="Advies",
                location="Brussel",
                summary="Kort.",
                description="<p>Kort.</p>",
                closing_date=today + datetime.timedelta(days=30),
            )
        )
        indexes["events"].add_child(
            instance=EventPage(
                title=f"Avond {n}",
                slug=f"avond-{n}",
                kind=EventKind.EVENT,
                start=soon + datetime.timedelta(hours=n),
                end=soon + datetime.timedelta(hours=n + 2),
                inbox=inbox,
            )
        )


def add_children(parent, model, count, prefix):
    existing = parent.get_children().count()
    for n in range(existing, count):
        parent.add_child(
            instance=model(title=f"{prefix} {n}", slug=f"{prefix}-{n}", show_in_menus=True)
        )


def add_long_page(home, model):
    """A page whose body has 50 blocks: rich text linking pages, calls to action, quotes."""
    body = []
    for n in range(50):
        if n % 5 == 3:
            body.append(
                (
                    "call_to_action",
                    {
                        "title": f"Actie {n}",
                        "text": "",
                        "link_label": "Meer",
                        "page": home,
                        "url": "",
                    },
                )
            )
        elif n % 5 == 4:
            body.append(("quote", {"quote": f"Citaat {n}.", "attribution": "Jan"}))
        else:
            body.append(
                (
                    "paragraph",
                    f'<h2>Deel {n}</h2><p>Zie <a linktype="page" id="{home.pk}">de start</a>.</p>',
                )
            )
    page = home.add_child(instance=model(title="Lang", slug="lang", body=body))
    page.save_revision().publish()
    return page


def counts(client, url, host="testserver"):
    """(queries of a warm request, queries of a cold-cache request).

    A ``find`` answers with a redirect to the page's detail, which a front-end follows: both
    requests are counted (and timed) together.
    """
    from django.core.cache import cache

    follow = "/find/" in url
    cache.clear()
    with CaptureQueriesContext(connection) as cold:
        response = client.get(url, HTTP_HOST=host, follow=follow)
    assert response.status_code == 200, (url, response.status_code)
    # Counted now: the next request resets the connection's query log.
    cold_count = len(cold)
    with CaptureQueriesContext(connection) as warm:
        client.get(url, HTTP_HOST=host, follow=follow)
    return len(warm), cold_count


def timings(client, targets):
    """Median wall-clock and CPU milliseconds of each of ``targets`` ((url, host) pairs).

    The targets take turns, request by request, so that what else the machine does at the
    time slows each of them alike: a page and its baseline are compared under the same load.
    CPU time (this process's) is given beside the wall clock, as it does not count the time
    other processes held the cores.
    """
    wall = [[] for _ in targets]
    cpu = [[] for _ in targets]
    for _ in range(REQUESTS):
        for n, (url, host) in enumerate(targets):
            follow = "/find/" in url
            start, start_cpu = time.perf_counter(), time.process_time()
            client.get(url, HTTP_HOST=host, follow=follow)
            wall[n].append((time.perf_counter() - start) * 1000)
            cpu[n].append((time.process_time() - start_cpu) * 1000)
    return [(statistics.median(w), statistics.median(c)) for w, c in zip(wall, cpu, strict=True)]


# The home page's goal: at most this many times the title-only page's median.
HOME_GOAL = 1.2


def main():
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, BASELINE_HOST]
    home, baseline, StandardPage = build_tree()
    indexes, inbox = build_listings(home)
    client = Client()
    long_page = add_long_page(home, StandardPage)

    print(
        f"bench/pages.py: {REQUESTS} requests per figure, Django test client, "
        f"{connection.vendor} ({'quick' if QUICK else 'full'} mode)"
    )
    print(f"{'target':<44}{'children':>9}{'queries':>9}{'cold':>6}{'median ms':>11}{'cpu ms':>9}")
    ratios, home_queries = {}, {}
    for size in SIZES:
        add_children(home, StandardPage, size, "pagina")
        add_listing_items(indexes, inbox, size)
        add_children(baseline, BaselinePage, size, "baseline")
        rows = [
            ("home page /nl/", "/nl/", "testserver"),
            ("baseline page /nl/ (title only)", "/nl/", BASELINE_HOST),
            (
                "API children of home",
                f"/api/v2/pages/?child_of={home.pk}&type=home.StandardPage&fields=*",
                "testserver",
            ),
            (
                "API children of baseline",
                f"/api/v2/pages/?child_of={baseline.pk}&type=home.BaselinePage&fields=*",
                BASELINE_HOST,
            ),
            ("API detail of home", f"/api/v2/pages/{home.pk}/", "testserver"),
            ("API find /nl/", "/api/v2/pages/find/?html_path=/nl/", "testserver"),
            ("API detail, 50-block body", f"/api/v2/pages/{long_page.pk}/", "testserver"),
            (
                "API find /nl/lang/, 50-block body",
                "/api/v2/pages/find/?html_path=/nl/lang/",
                "testserver",
            ),
        ]
        # The page and its baseline, then the two API listings, are timed taking turns.
        groups = [rows[0:2], rows[2:4], *[[row] for row in rows[4:]]]
        for group in groups:
            # Counting empties the cache first, so each target is counted, then all are
            # warmed again before the clock starts.
            counted = [counts(client, url, host) for _label, url, host in group]
            for _label, url, host in group:
                client.get(url, HTTP_HOST=host, follow="/find/" in url)
            medians = timings(client, [(url, host) for _label, url, host in group])
            for (label, _url, _host), (warm, cold), (median, median_cpu) in zip(
                group, counted, medians, strict=True
            ):
                print(f"{label:<44}{size:>9}{warm:>9}{cold:>6}{median:>11.2f}{median_cpu:>9.2f}")
            if group is groups[0]:
                ratios[size] = (medians[0][0] / medians[1][0], medians[0][1] / medians[1][1])
                home_queries[size] = counted[0]
    print("queries: a request with warm caches; cold: right after the cache was emptied.")
    warm_counts = {warm for warm, _cold in home_queries.values()}
    colds = [cold for _warm, cold in home_queries.values()]
    same = len(warm_counts) == 1 and max(colds) <= colds[0]
    print(
        "home page queries (warm, cold) at "
        + ", ".join(f"{size}: {warm}, {cold}" for size, (warm, cold) in home_queries.items())
        + f" children: {'the same, met' if same else 'MISS, they grow'}"
    )
    for size, (ratio, ratio_cpu) in ratios.items():
        # Judged on CPU time: the wall clock also counts the time other processes held the
        # cores, which on a shared machine swings either way between two requests.
        verdict = "met" if ratio_cpu <= HOME_GOAL else "MISS"
        print(
            f"home page / title-only page, {size} children: {ratio_cpu:.2f}x CPU median "
            f"({ratio:.2f}x wall clock); goal at most {HOME_GOAL}x: {verdict}"
        )


if __name__ == "__main__":
    # No setup_test_environment(): it makes every template render send a signal on which the
    # test client copies the whole context, a cost production does not have that grows with
    # the number of templates a page renders, so it would weigh on the home page alone.
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        main()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)

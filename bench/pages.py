"""Queries and latency of the home page and the API page listing, next to a bare baseline.

Run with ``.venv/bin/python bench/pages.py`` (``BENCH_QUICK=1`` for a short run). The script
builds a throw-away test database, then measures in the same process:

- the chamber's home page (``home.HomePage`` at ``/nl/``, with header menu, language switcher
  and footer) against a baseline page model that has nothing but a title, rendered with a
  one-line template and served as the root of a second site at the same depth and URL;
- the API listing of the home page's children against the same listing of the baseline's;
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
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    setup_test_environment,
    teardown_test_environment,
)
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


def measure(client, url, host="testserver"):
    """(queries of a warm request, queries of a cold-cache request, median ms).

    A ``find`` answers with a redirect to the page's detail, which a front-end follows: both
    requests are counted and timed together.
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
    warm_count = len(warm)
    timings = []
    for _ in range(REQUESTS):
        start = time.perf_counter()
        client.get(url, HTTP_HOST=host, follow=follow)
        timings.append((time.perf_counter() - start) * 1000)
    return warm_count, cold_count, statistics.median(timings)


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
    print(f"{'target':<44}{'children':>9}{'queries':>9}{'cold':>6}{'median ms':>11}")
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
        for label, url, host in rows:
            warm, cold, median = measure(client, url, host)
            print(f"{label:<44}{size:>9}{warm:>9}{cold:>6}{median:>11.2f}")
    print("queries: a request with warm caches; cold: right after the cache was emptied.")


if __name__ == "__main__":
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        main()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()

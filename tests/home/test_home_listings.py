"""The home page leads visitors on: the next events, the open vacancies, the latest news.

Editors place each listing as a block of the home page's body; a listing with nothing to show
is left out, and a publication shows at once on the cached home page.
"""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from careers.constants import VacancyStatus
from tests.careers.factories import VacancyIndexPageFactory, VacancyPageFactory
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.home.factories import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

LISTINGS = [
    ("upcoming_events", {"title": "", "count": 3}),
    ("open_vacancies", {"title": "", "count": 3}),
    ("latest_news", {"title": "Nieuws van de Kamer", "count": 2}),
]


@pytest.fixture
def home(home_page):
    home_page.body = [("paragraph", "<p>Welkom.</p>"), *LISTINGS]
    home_page.save_revision().publish()
    cache.clear()
    return home_page


def _section(html: str, kind: str) -> str | None:
    start = html.find(f'class="home-listing home-listing--{kind}"')
    if start < 0:
        return None
    return html[start : html.index("</section>", start)]


def test_empty_listings_are_left_out(client, home):
    html = client.get("/nl/").text

    assert "Welkom." in html
    assert _section(html, "events") is None
    assert _section(html, "vacancies") is None
    assert _section(html, "news") is None


def test_the_latest_news_newest_first_with_a_link_to_all(client, home):
    index = NewsIndexPageFactory(parent=home)
    for day, title in [(1, "Oud bericht"), (20, "Nieuwste bericht"), (10, "Middel bericht")]:
        NewsPageFactory(parent=index, title=title, date=datetime.date(2026, 11, day))

    news = _section(client.get("/nl/").text, "news")

    assert "Nieuws van de Kamer" in news
    assert news.index("Nieuwste bericht") < news.index("Middel bericht")
    assert "Oud bericht" not in news  # two asked for
    assert f'href="{index.url}"' in news


def test_only_open_vacancies_and_upcoming_events(client, home):
    vacancies = VacancyIndexPageFactory(parent=home)
    VacancyPageFactory(parent=vacancies, title="Adviseur export")
    VacancyPageFactory(parent=vacancies, title="Gesloten functie", status=VacancyStatus.CLOSED)
    agenda = EventIndexPageFactory(parent=home)
    EventPageFactory(parent=agenda, title="Netwerkavond")
    past = timezone.now() - datetime.timedelta(days=3)
    EventPageFactory(parent=agenda, title="Voorbije avond", start=past)

    html = client.get("/nl/").text

    assert "Adviseur export" in _section(html, "vacancies")
    assert "Gesloten functie" not in html
    assert "Netwerkavond" in _section(html, "events")
    assert "Voorbije avond" not in html


def test_a_publication_shows_on_the_cached_home_page(client, home):
    index = NewsIndexPageFactory(parent=home)
    NewsPageFactory(parent=index, title="Eerste bericht")
    assert "Eerste bericht" in client.get("/nl/").text

    fresh = NewsPageFactory(parent=index, title="Vers bericht", date=datetime.date(2026, 12, 1))
    fresh.save_revision().publish()  # as the editor's Publish does, with its signal

    assert "Vers bericht" in _section(client.get("/nl/").text, "news")


def test_a_published_event_or_vacancy_shows_at_once_and_an_unpublished_one_leaves(client, home):
    agenda = EventIndexPageFactory(parent=home)
    EventPageFactory(parent=agenda, title="Netwerkavond")
    vacancies = VacancyIndexPageFactory(parent=home)
    VacancyPageFactory(parent=vacancies, title="Adviseur export")
    assert "Netwerkavond" in _section(client.get("/nl/").text, "events")  # now cached

    event = EventPageFactory(parent=agenda, title="Nieuwjaarsreceptie")
    event.save_revision().publish()
    vacancy = VacancyPageFactory(parent=vacancies, title="Jurist handelsrecht")
    vacancy.save_revision().publish()
    html = client.get("/nl/").text
    assert "Nieuwjaarsreceptie" in _section(html, "events")
    assert "Jurist handelsrecht" in _section(html, "vacancies")

    event.unpublish()
    vacancy.delete()
    html = client.get("/nl/").text
    assert "Nieuwjaarsreceptie" not in html
    assert "Jurist handelsrecht" not in html
    assert "Netwerkavond" in _section(html, "events")


def _queries(client) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/nl/").status_code == 200
    return len(queries)


def test_the_listings_cost_the_same_queries_whatever_their_length(client, home):
    news = NewsIndexPageFactory(parent=home)
    vacancies = VacancyIndexPageFactory(parent=home)
    agenda = EventIndexPageFactory(parent=home)
    for _n in range(3):
        NewsPageFactory(parent=news)
        VacancyPageFactory(parent=vacancies)
        EventPageFactory(parent=agenda)
    _queries(client)  # the process's first request fills its own caches (content types)
    few = _queries(client)

    for _n in range(12):
        NewsPageFactory(parent=news)
        VacancyPageFactory(parent=vacancies)
        EventPageFactory(parent=agenda)

    assert _queries(client) == few

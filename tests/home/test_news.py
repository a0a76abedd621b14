"""News: the listing per language, its tag filter and pages, the Atom feeds, the API."""

import datetime
import io
import re
import xml.etree.ElementTree as ET

import pytest
from wagtail.models import PageViewRestriction
from wagtail_factories import ImageFactory
from wagtail_localize.models import TranslationSource

from home.models import NewsPage
from home.selectors import NEWS_PER_PAGE
from tests.home.factories import NewsIndexPageFactory, NewsPageFactory, translate

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def news_index(site_tree):
    """The news index in nl, fr and en, each under its language's home page."""
    nl = NewsIndexPageFactory(parent=site_tree.home["nl"], title="Nieuws", slug="nieuws")
    return {
        "nl": nl,
        "fr": translate(nl, site_tree.home["fr"].locale, title="Actualités", slug="actualites"),
        "en": translate(nl, site_tree.home["en"].locale, title="News", slug="news"),
    }


def listed_titles(html: str) -> list[str]:
    return re.findall(r'<h2 class="news-item__title"><a [^>]*>([^<]+)</a>', html)


def feed_entries(response) -> tuple[ET.Element, list[str]]:
    feed = ET.fromstring(response.content)  # noqa: S314 (the site's own feed)
    return feed, [entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")]


def test_listing_shows_the_newest_first_in_pages(client, news_index):
    for day in range(1, NEWS_PER_PAGE + 3):
        NewsPageFactory(
            parent=news_index["nl"], title=f"Dag {day:02}", date=datetime.date(2026, 11, day)
        )

    first = client.get("/nl/nieuws/")
    second = client.get("/nl/nieuws/", {"page": 2})

    assert first.status_code == 200
    assert listed_titles(first.content.decode()) == [
        f"Dag {day:02}" for day in range(NEWS_PER_PAGE + 2, 2, -1)
    ]
    assert listed_titles(second.content.decode()) == ["Dag 02", "Dag 01"]
    assert 'href="?page=2" rel="next"' in first.content.decode()
    assert "Pagina 2 van 2" in second.content.decode()
    # A page number past the end or not a number shows a page of the listing, not an error.
    assert listed_titles(client.get("/nl/nieuws/", {"page": 99}).content.decode()) == [
        "Dag 02",
        "Dag 01",
    ]
    assert client.get("/nl/nieuws/", {"page": "x"}).status_code == 200


def test_tag_filter_lists_only_news_with_that_tag(client, news_index):
    NewsPageFactory(parent=news_index["nl"], title="Over export", tags=["export"])
    NewsPageFactory(parent=news_index["nl"], title="Over handel", tags=["handel"])
    NewsPageFactory(parent=news_index["nl"], title="Over beide", tags=["export", "handel"])

    html = client.get("/nl/nieuws/", {"tag": "export"}).content.decode()

    assert sorted(listed_titles(html)) == ["Over beide", "Over export"]
    assert 'href="/nl/nieuws/?tag=export" aria-current="true"' in html
    # The next page of a filtered listing stays filtered.
    for n in range(NEWS_PER_PAGE):
        NewsPageFactory(parent=news_index["nl"], title=f"Export {n}", tags=["export"])
    html = client.get("/nl/nieuws/", {"tag": "export"}).content.decode()
    assert 'href="?tag=export&amp;page=2"' in html


def test_unknown_tag_shows_all_news(client, news_index):
    NewsPageFactory(parent=news_index["nl"], title="Over export", tags=["export"])
    NewsPageFactory(parent=news_index["nl"], title="Zonder tag")

    html = client.get("/nl/nieuws/", {"tag": "bestaat-niet"}).content.decode()

    assert sorted(listed_titles(html)) == ["Over export", "Zonder tag"]


def test_unpublished_and_private_news_is_not_listed_fed_or_served(client, news_index):
    NewsPageFactory(parent=news_index["nl"], title="Gepubliceerd")
    draft = NewsPageFactory(parent=news_index["nl"], title="Concept", tags=["geheim"])
    draft.unpublish()
    private = NewsPageFactory(parent=news_index["nl"], title="Alleen leden")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    html = client.get("/nl/nieuws/").content.decode()
    _feed, entries = feed_entries(client.get("/nl/nieuws/feed/"))
    api = client.get("/api/v2/pages/", {"type": "home.NewsPage", "fields": "title"}).json()

    assert listed_titles(html) == ["Gepubliceerd"]
    assert "geheim" not in html  # the filter offers no tag of unpublished news
    assert entries == ["Gepubliceerd"]
    assert "Concept" not in [item["title"] for item in api["items"]]
    assert client.get(f"/nl/nieuws/{draft.slug}/").status_code == 404


def test_each_language_has_a_feed_of_its_own_news(client, news_index):
    nl = NewsPageFactory(parent=news_index["nl"], title="Handelsmissie", slug="missie")
    fr = translate(nl, news_index["fr"].locale, title="Mission commerciale", slug="mission")
    NewsPageFactory(parent=news_index["nl"], title="Alleen in het Nederlands")
    NewsPageFactory(parent=news_index["en"], title="Only in English")

    feeds = {code: client.get(f"{index.url}feed/") for code, index in news_index.items()}

    for response in feeds.values():
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/atom+xml")
    nl_feed, nl_entries = feed_entries(feeds["nl"])
    fr_feed, fr_entries = feed_entries(feeds["fr"])
    _en_feed, en_entries = feed_entries(feeds["en"])
    assert sorted(nl_entries) == ["Alleen in het Nederlands", "Handelsmissie"]
    assert fr_entries == ["Mission commerciale"]
    assert en_entries == ["Only in English"]
    assert nl_feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "nl"
    assert fr_feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
    [entry] = fr_feed.iter(f"{ATOM}entry")
    assert entry.find(f"{ATOM}link").get("href") == f"http://localhost{fr.url}"
    assert entry.findtext(f"{ATOM}summary") == "Een samenvatting."


def test_listing_and_news_pages_link_their_languages_feed(client, news_index):
    item = NewsPageFactory(parent=news_index["fr"], title="Nouvelle", slug="nouvelle")
    link = '<link rel="alternate" type="application/atom+xml" title="Actualités" href="{}">'

    for url in ("/fr/actualites/", item.url):
        html = client.get(url).content.decode()
        assert link.format("/fr/actualites/feed/") in html


def test_news_page_shows_date_lead_image_caption_and_tags(client, news_index):
    image = ImageFactory(title="Haven")
    item = NewsPageFactory(
        parent=news_index["nl"],
        title="Nieuwe kade",
        slug="kade",
        date=datetime.date(2026, 11, 27),
        lead_image=image,
        lead_image_alt="Een schip aan de kade.",
        lead_image_caption="De kade in Antwerpen.",
        body=[("paragraph", "<p>De kade is open.</p>")],
        tags=["haven"],
    )

    html = client.get(item.url).content.decode()

    assert '<time datetime="2026-11-27">27 november 2026</time>' in html
    assert 'alt="Een schip aan de kade."' in html
    assert "<figcaption>De kade in Antwerpen.</figcaption>" in html
    assert "<p>De kade is open.</p>" in html
    assert '<a href="/nl/nieuws/?tag=haven">haven</a>' in html


def test_api_gives_the_news_fields(client, news_index):
    image = ImageFactory(title="Haven")
    item = NewsPageFactory(
        parent=news_index["en"],
        title="New quay",
        date=datetime.date(2026, 11, 27),
        lead_image=image,
        lead_image_caption="The quay.",
        body=[("paragraph", "<p>Open.</p>")],
        tags=["port", "logistics"],
    )

    response = client.get(
        "/api/v2/pages/", {"type": "home.NewsPage", "locale": "en", "fields": "*"}
    )

    [data] = response.json()["items"]
    assert data["id"] == item.pk
    assert data["date"] == "2026-11-27"
    assert data["intro"] == "Een samenvatting."
    assert data["lead_image"]["id"] == image.pk
    assert ".fill-1200x630." in data["lead_image_rendition"]["url"]
    assert data["lead_image_caption"] == "The quay."
    assert data["body"][0]["type"] == "paragraph"
    assert sorted(data["tags"]) == ["logistics", "port"]
    index = client.get(f"/api/v2/pages/{news_index['en'].pk}/").json()
    assert index["meta"]["type"] == "home.NewsIndexPage"


def test_sitemap_lists_news_in_every_language(client, news_index):
    nl = NewsPageFactory(parent=news_index["nl"], title="Missie", slug="missie")
    translate(nl, news_index["fr"].locale, title="Mission", slug="mission")

    xml = client.get("/sitemap.xml").content.decode()

    assert "<loc>http://localhost/nl/nieuws/missie/</loc>" in xml
    assert "<loc>http://localhost/fr/actualites/mission/</loc>" in xml
    assert 'hreflang="fr" href="http://localhost/fr/actualites/mission/"' in xml


def test_a_translation_keeps_its_own_tags_when_synced(news_index):
    nl = NewsPageFactory(parent=news_index["nl"], title="Missie", tags=["handel"])
    fr_locale = news_index["fr"].locale
    source, _ = TranslationSource.get_or_create_from_instance(nl)
    fr, _ = source.create_or_update_translation(fr_locale, publish=True, fallback=True)
    fr.tags.set(["commerce"])
    fr.save_revision().publish()

    nl.title = "Handelsmissie"
    nl.save_revision().publish()
    source, _ = TranslationSource.update_or_create_from_instance(nl)
    source.create_or_update_translation(fr_locale, publish=True, fallback=True)

    assert list(NewsPage.objects.get(pk=fr.pk).tags.names()) == ["commerce"]
    assert list(NewsPage.objects.get(pk=nl.pk).tags.names()) == ["handel"]


def test_demo_has_news_in_three_languages_with_their_own_tags(locales, default_site):
    from home import demo
    from website.demo.localize import translate as demo_translate

    demo.load(log=lambda message: None, translate=demo_translate)

    titles = {
        code: sorted(NewsPage.objects.live().filter(locale=locale).values_list("title", flat=True))
        for code, locale in locales.items()
    }
    assert len(titles["nl"]) == len(titles["fr"]) == len(titles["en"]) >= 3
    assert "Trade mission to Luxembourg" in titles["en"]
    mission = NewsPage.objects.get(locale=locales["fr"], title="Mission commerciale au Luxembourg")
    assert sorted(mission.tags.names()) == ["Luxembourg", "commerce"]
    assert mission.lead_image is not None and mission.lead_image_caption
    out = io.StringIO()
    demo.load(log=out.write, translate=demo_translate)
    assert "news" not in out.getvalue()

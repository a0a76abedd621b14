"""A new Dutch page is not shown at /fr/ until its French translation is published.

wagtail-localize's tree sync mirrors each new page into the other languages as an alias, and
Wagtail publishes aliases with their original: a French visitor would get the Dutch page,
in the French listings, filters, menu, sitemap and API. ``website.aliases`` keeps those
copies drafts; these tests publish a Dutch page of each type with a listing and look where a
visitor of another language would find it.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import LocaleSynchronization, TranslationSource
from wagtail_localize.synctree import create_aliases_for_new_page

from home.selectors import menu_items
from tests.careers.factories import VacancyIndexPageFactory, VacancyPageFactory
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.home.factories import (
    NewsIndexPageFactory,
    NewsPageFactory,
    StandardPageFactory,
    translate,
)
from tests.users import make_user
from website.aliases import alias_publish, untranslated_aliases_unpublish

pytestmark = pytest.mark.django_db


@pytest.fixture
def homes(home_page, locales):
    """Home pages in nl, fr and en; fr and en follow the Dutch tree like the demo's."""
    homes = {"nl": home_page}
    for code in ("fr", "en"):
        homes[code] = translate(home_page, locales[code], slug=f"home-{code}")
        LocaleSynchronization.objects.create(locale=locales[code], sync_from=locales["nl"])
    return homes


def _publish_new(page):
    """What the admin does for a new page published at once: aliases follow (the sync's hook)."""
    page.save_revision().publish()
    create_aliases_for_new_page(page)
    page.save_revision().publish()
    return page


def _alias(page, locale):
    return Page.objects.get(translation_key=page.translation_key, locale=locale)


def _translated_index(factory, homes, locales, **fr):
    index = factory(parent=homes["nl"])
    index_fr = translate(index, locales["fr"], **fr)
    translate(index, locales["en"], slug=f"{index.slug}-en")
    return index, index_fr


def test_a_new_vacancy_stays_out_of_the_french_listing_and_its_filters(client, homes, locales):
    index, index_fr = _translated_index(
        VacancyIndexPageFactory, homes, locales, title="Offres", slug="offres"
    )
    vacancy = _publish_new(
        VacancyPageFactory(parent=index, title="Adviseur export", department="Advies")
    )
    alias = _alias(vacancy, locales["fr"])

    assert alias.alias_of_id == vacancy.pk
    assert not alias.live
    listing = client.get(index_fr.url)
    assert listing.status_code == 200
    assert "Adviseur export" not in listing.text
    assert "Advies" not in listing.text
    assert client.get(alias.url).status_code == 404
    # The Dutch visitors have it.
    assert "Adviseur export" in client.get(index.url).text


def test_a_new_event_stays_out_of_the_french_agenda(client, homes, locales):
    index, index_fr = _translated_index(EventIndexPageFactory, homes, locales, slug="agenda-fr")
    event = _publish_new(EventPageFactory(parent=index, title="Netwerkavond export"))

    alias = _alias(event, locales["fr"])
    assert not alias.live
    assert "Netwerkavond export" not in client.get(index_fr.url).text
    assert client.get(alias.url).status_code == 404
    assert "Netwerkavond export" in client.get(index.url).text


def test_a_new_news_item_stays_out_of_the_french_news_and_feed(client, homes, locales):
    index, index_fr = _translated_index(NewsIndexPageFactory, homes, locales, slug="actualites")
    news = _publish_new(NewsPageFactory(parent=index, title="Nieuwe exportgids"))

    assert not _alias(news, locales["fr"]).live
    assert "Nieuwe exportgids" not in client.get(index_fr.url).text
    assert "Nieuwe exportgids" not in client.get(index_fr.feed_url()).text
    assert "Nieuwe exportgids" in client.get(index.url).text


def test_a_new_menu_page_stays_out_of_the_french_menu_sitemap_and_api(client, homes, locales):
    page = _publish_new(StandardPageFactory(parent=homes["nl"], title="Diensten", slug="diensten"))
    alias = _alias(page, locales["fr"])

    assert [item.title for item in menu_items(page=homes["fr"], request=None)] == [
        homes["fr"].title
    ]
    assert "Diensten" not in client.get(homes["fr"].url).text
    sitemap = client.get("/sitemap.xml").text
    assert page.full_url in sitemap
    assert alias.full_url not in sitemap
    api = client.get("/api/v2/pages/", {"locale": "fr", "fields": "title"}).json()
    assert alias.pk not in [item["id"] for item in api["items"]]
    assert page.pk in [
        item["id"] for item in client.get("/api/v2/pages/", {"locale": "nl"}).json()["items"]
    ]


def test_the_translation_is_shown_once_published(client, homes, locales):
    page = _publish_new(StandardPageFactory(parent=homes["nl"], title="Diensten", slug="diensten"))
    source, _ = TranslationSource.get_or_create_from_instance(page)

    translated, _ = source.create_or_update_translation(locales["fr"], fallback=True)
    translated.title = "Services"
    translated.save_revision().publish()

    translated.refresh_from_db()
    assert translated.alias_of_id is None
    assert translated.live
    assert "Services" in client.get(homes["fr"].url).text
    assert client.get(translated.url).status_code == 200


def test_an_editor_may_publish_the_untranslated_copy_on_purpose(client, homes, locales):
    page = _publish_new(StandardPageFactory(parent=homes["nl"], title="Diensten", slug="diensten"))
    alias = _alias(page, locales["fr"]).specific

    alias_publish(page=alias)
    alias.refresh_from_db()
    assert alias.live
    assert client.get(alias.url).status_code == 200

    # From then on it follows its original as an alias does.
    page.title = "Onze diensten"
    page.save_revision().publish()
    alias.refresh_from_db()
    assert alias.live
    assert alias.title == "Onze diensten"


def test_load_demo_unpublishes_copies_the_sync_published_before(homes, locales):
    page = _publish_new(StandardPageFactory(parent=homes["nl"], slug="diensten"))
    alias = _alias(page, locales["fr"])
    Page.objects.filter(pk=alias.pk).update(live=True)

    assert untranslated_aliases_unpublish(log=lambda message: None) == 1
    alias.refresh_from_db()
    assert not alias.live
    page.refresh_from_db()
    assert page.live


def test_a_moderator_publishes_the_copy_from_the_admin_and_an_editor_may_not(
    client, homes, locales
):
    page = _publish_new(StandardPageFactory(parent=homes["nl"], title="Diensten", slug="diensten"))
    alias = _alias(page, locales["fr"])
    url = reverse("website_alias_publish", args=[alias.pk])

    client.force_login(make_user("editor", groups=[Group.objects.get(name="Editors")]))
    assert client.post(url).status_code == 302
    alias.refresh_from_db()
    assert not alias.live

    client.force_login(make_user("moderator", groups=[Group.objects.get(name="Moderators")]))
    explorer = client.get(reverse("wagtailadmin_explore", args=[homes["fr"].pk]))
    assert url in explorer.text
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302
    alias.refresh_from_db()
    assert alias.live
    client.logout()
    assert client.get(alias.url).status_code == 200


LISTINGS = {
    "upcoming_events": (EventIndexPageFactory, EventPageFactory),
    "open_vacancies": (VacancyIndexPageFactory, VacancyPageFactory),
    "latest_news": (NewsIndexPageFactory, NewsPageFactory),
}


@pytest.mark.parametrize("block", LISTINGS)
def test_the_french_home_page_lists_translated_items_and_not_a_new_dutch_one(
    client, homes, locales, block
):
    index_factory, item_factory = LISTINGS[block]
    for home in homes.values():
        home.body = [(block, {"title": "", "count": 3})]
        home.save_revision().publish()
    index, _index_fr = _translated_index(index_factory, homes, locales, slug=f"{block}-fr")
    translated = _publish_new(item_factory(parent=index, title="Vertaald"))
    # Translated as the editor does, which turns the alias into a page of its own.
    source, _ = TranslationSource.get_or_create_from_instance(translated)
    french_item, _ = source.create_or_update_translation(locales["fr"], fallback=True)
    french_item.title = "Traduit"
    french_item.save_revision().publish()
    _publish_new(item_factory(parent=index, title="Alleen Nederlands"))

    french = client.get(homes["fr"].url).text
    assert "Traduit" in french
    assert "Alleen Nederlands" not in french
    assert "Vertaald" not in french
    dutch = client.get(homes["nl"].url).text
    assert "Alleen Nederlands" in dutch
    assert "Vertaald" in dutch

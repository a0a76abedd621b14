"""What a front-end reads from API v2: HTML rich text, renditions, paths, redirects."""

import pytest
from wagtail.contrib.redirects.models import Redirect
from wagtail.rich_text import RichText
from wagtail_factories import ImageFactory

from tests.home.factories import StandardPageFactory, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(home_page, locales):
    page = StandardPageFactory(parent=home_page, title="Over ons", slug="over-ons")
    home_fr = translate(home_page, locales["fr"], title="Accueil", slug="accueil-fr")
    translate(page, locales["fr"], title="À propos", slug="a-propos")
    return page, home_fr


def test_rich_text_in_blocks_is_html_with_page_links_resolved(client, about):
    page, _home_fr = about
    target = StandardPageFactory(parent=page.get_parent(), title="Lid worden", slug="lid-worden")
    page.body = [
        ("paragraph", RichText(f'<p>Word <a linktype="page" id="{target.pk}">lid</a>.</p>')),
    ]
    page.save_revision().publish()

    body = client.get(f"/api/v2/pages/{page.pk}/").json()["body"]

    assert body[0]["value"] == '<p>Word <a href="/nl/lid-worden/">lid</a>.</p>'


def test_image_blocks_carry_a_srcset_a_fill_and_their_alt_text(client, about):
    page, _home_fr = about
    image = ImageFactory(title="Haven", file__width=1600, file__height=800)
    page.body = [("image", {"image": image, "alt_text": "Schepen in de haven", "caption": ""})]
    page.save_revision().publish()

    block = client.get(f"/api/v2/pages/{page.pk}/").json()["body"][0]["value"]

    assert block["image"]["alt"] == "Schepen in de haven"
    assert block["image"]["srcset"].count("w,") == 2
    assert block["image"]["src"].startswith("http://") and "/media/images/" in block["image"]["src"]
    assert (block["image"]["fill"]["width"], block["image"]["fill"]["height"]) == (1200, 675)


def test_a_small_image_is_never_enlarged_in_the_srcset(client, db):
    image = ImageFactory(title="Logo", file__width=500, file__height=250)

    data = client.get(f"/api/v2/images/{image.pk}/").json()

    # 480 and the image itself (500): 960 and 1440 would be the same 500 pixels.
    assert data["renditions"]["srcset"].endswith("500w")
    assert data["renditions"]["srcset"].count("w,") == 1
    assert data["renditions"]["alt"] == "Logo"


def test_the_hero_image_comes_with_its_renditions(client, home_page):
    home_page.hero_image = ImageFactory(title="Haven", description="Kranen aan de Schelde")
    home_page.save_revision().publish()

    data = client.get(f"/api/v2/pages/{home_page.pk}/").json()

    assert data["hero_image_renditions"]["alt"] == "Kranen aan de Schelde"
    assert data["hero_image_renditions"]["srcset"]


def test_find_by_path_answers_each_language_with_its_page(client, about):
    page, _home_fr = about

    redirect = client.get("/api/v2/pages/find/", {"html_path": "/fr/a-propos/"})
    found = client.get("/api/v2/pages/find/", {"html_path": "/fr/a-propos/"}, follow=True)

    # To the host the client asked, whatever WAGTAILAPI_BASE_URL says.
    assert redirect["Location"].startswith("/api/v2/pages/")

    assert found.status_code == 200
    assert found.json()["title"] == "À propos"
    assert found.json()["meta"]["locale"] == "fr"


def test_detail_lists_the_paths_of_its_translations(client, about):
    page, _home_fr = about

    meta = client.get(f"/api/v2/pages/{page.pk}/").json()["meta"]

    assert meta["translation_paths"] == {"nl": "/nl/over-ons/", "fr": "/fr/a-propos/"}


def test_an_old_address_is_found_with_where_it_leads(client, about, default_site):
    page, _home_fr = about
    Redirect.objects.create(old_path="/oud/over", redirect_page=page, site=default_site)

    found = client.get("/api/v2/redirects/find/", {"html_path": "/oud/over"}, follow=True)
    missing = client.get("/api/v2/redirects/find/", {"html_path": "/nergens"})

    assert found.status_code == 200
    assert found.json()["location"] == "/nl/over-ons/"
    assert missing.status_code == 404

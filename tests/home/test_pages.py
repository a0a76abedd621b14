"""The HTML site: pages per language, the language switcher, menu and footer."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import OrganisationIdentity, OrganisationSettings
from tests.home.factories import StandardPageFactory


def switcher_links(html: str) -> dict[str, str]:
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return {lang: href for href, lang in re.findall(r'<a href="([^"]+)" lang="(\w+)"', nav)}


def main_menu(html: str) -> list[str]:
    nav = re.search(r'<nav class="site-nav__menu".*?</nav>', html, re.S).group(0)
    return re.findall(r"<a [^>]*>([^<]+)</a>", nav)


@pytest.mark.parametrize(
    ("url", "lang", "title"),
    [
        ("/nl/", "nl", "Welkom"),
        ("/fr/", "fr", "Bienvenue"),
        ("/en/", "en", "Welcome"),
        ("/nl/about/", "nl", "Over ons"),
        ("/fr/a-propos/", "fr", "À propos"),
        ("/en/about-us/", "en", "About us"),
    ],
)
def test_pages_render_in_their_language(client, site_tree, url, lang, title):
    response = client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert f"<title>{title}" in html
    assert '<main id="main"' in html and 'href="#main"' in html


def test_interface_strings_are_translated(client, site_tree):
    assert "Aller au contenu principal" in client.get("/fr/").content.decode()
    assert "Naar de inhoud" in client.get("/nl/").content.decode()
    assert "Skip to main content" in client.get("/en/").content.decode()


def test_root_redirects_to_the_default_language(client, site_tree):
    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"] == "/nl/"


def test_root_redirects_to_the_browser_language(client, site_tree):
    response = client.get("/", headers={"accept-language": "fr-BE,fr;q=0.9"})

    assert response["Location"] == "/fr/"


def test_switcher_links_to_the_translation_of_the_current_page(client, site_tree):
    html = client.get("/fr/a-propos/").content.decode()

    assert switcher_links(html) == {
        "nl": "/nl/about/",
        "fr": "/fr/a-propos/",
        "en": "/en/about-us/",
    }
    assert 'lang="fr" hreflang="fr" aria-current="true"' in html


def test_switcher_falls_back_to_the_nearest_translated_ancestor(client, site_tree):
    html = client.get("/nl/about/nieuws/").content.decode()

    links = switcher_links(html)
    assert links["nl"] == "/nl/about/nieuws/"
    assert links["fr"] == "/fr/a-propos/"
    assert links["en"] == "/en/about-us/"


def test_switcher_skips_unpublished_translations(client, site_tree):
    site_tree.about["en"].unpublish()

    links = switcher_links(client.get("/nl/about/").content.decode())

    assert links["en"] == "/en/"


def test_menu_lists_live_children_shown_in_menus(client, site_tree):
    StandardPageFactory(parent=site_tree.home["nl"], title="Verborgen", show_in_menus=False)
    draft = StandardPageFactory(parent=site_tree.home["nl"], title="Concept")
    draft.unpublish()

    assert main_menu(client.get("/nl/").content.decode()) == ["Welkom", "Over ons"]
    assert main_menu(client.get("/fr/").content.decode()) == ["Bienvenue", "À propos"]


def test_menu_shows_a_page_as_soon_as_it_is_published(client, site_tree):
    assert "Leden" not in main_menu(client.get("/nl/").content.decode())
    page = StandardPageFactory(parent=site_tree.home["nl"], title="Leden", live=False)
    page.save_revision().publish()

    assert "Leden" in main_menu(client.get("/nl/").content.decode())


def test_footer_shows_the_organisation_settings(client, site_tree, locales):
    settings = OrganisationSettings.load()
    settings.contact_email = "info@kamer.example"
    settings.privacy_email = "dpo@kamer.example"
    settings.social_links = [("link", {"network": "linkedin", "url": "https://li.example/k"})]
    client.get("/nl/")  # cached before the change
    settings.save()
    OrganisationIdentity.objects.create(
        locale=locales["nl"], name="Kamer Benelux", address="Kunstlaan 1\n1000 Brussel"
    )

    html = client.get("/nl/").content.decode()

    footer = html[html.index("<footer") :]
    assert "Kamer Benelux" in footer
    assert 'href="mailto:info@kamer.example"' in footer
    assert 'href="mailto:dpo@kamer.example"' in footer
    assert "Kunstlaan 1<br>1000 Brussel" in footer
    assert '<a href="https://li.example/k" rel="me noopener">LinkedIn</a>' in footer


def test_unknown_page_is_a_404_with_the_site_around_it(client, site_tree):
    response = client.get("/fr/nexiste-pas/")

    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert main_menu(html) == ["Bienvenue", "À propos"]


def test_page_queries_do_not_grow_with_the_number_of_menu_pages(client, site_tree):
    def queries_for(url):
        client.get(url)  # the first request fills the chrome cache
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    few = queries_for("/nl/")
    for n in range(20):
        StandardPageFactory(parent=site_tree.home["nl"], title=f"Extra {n}")

    assert queries_for("/nl/") == few


def test_a_new_page_can_be_previewed_before_its_first_save(site_tree, locales):
    from home.models import StandardPage

    page = StandardPage(title="Nieuw", slug="nieuw", locale=locales["nl"], intro="Concept.")

    response = page.make_preview_request()

    assert response.status_code == 200
    html = response.render().content.decode()
    assert "<h1>Nieuw</h1>" in html
    assert main_menu(html) == ["Welkom", "Over ons"]


def test_body_blocks_render_and_page_links_follow_the_language(client, site_tree, locales):
    from wagtail_factories import ImageFactory

    from tests.home.factories import translate

    image = ImageFactory(title="Haven")
    page = StandardPageFactory(
        parent=site_tree.home["nl"],
        title="Blokken",
        slug="blokken",
        body=[
            ("paragraph", "<p>Gewone <b>tekst</b>.</p>"),
            ("image", {"image": image, "alt_text": "De haven bij zonsopgang", "caption": "Haven"}),
            (
                "call_to_action",
                {
                    "title": "Word lid",
                    "text": "",
                    "link_label": "Meer over ons",
                    "page": site_tree.about["nl"],
                    "url": "",
                },
            ),
            ("quote", {"quote": "Een citaat.", "attribution": "Jan"}),
        ],
    )
    translate(page, locales["fr"], title="Blocs", slug="blocs")

    nl = client.get("/nl/blokken/").content.decode()
    fr = client.get("/fr/blocs/").content.decode()

    assert "<p>Gewone <b>tekst</b>.</p>" in nl
    assert 'alt="De haven bij zonsopgang"' in nl and "<figcaption>Haven</figcaption>" in nl
    assert '<a class="button" href="/nl/about/">Meer over ons</a>' in nl
    assert "<blockquote><p>Een citaat.</p></blockquote>" in nl
    # The French copy still points at the Dutch page in its data; the link follows the reader.
    assert '<a class="button" href="/fr/a-propos/">Meer over ons</a>' in fr


def test_published_changes_show_at_once_and_drafts_only_in_preview(client, site_tree):
    about = site_tree.about["nl"]
    assert "Inleiding." in client.get("/nl/about/").content.decode()

    about.intro = "Een concepttekst."
    about.save_revision()  # a draft: visitors keep the published text
    draft_preview = about.make_preview_request().render().content.decode()
    assert "Een concepttekst." in draft_preview
    assert "Inleiding." in client.get("/nl/about/").content.decode()

    about.intro = "De gepubliceerde tekst."
    about.save_revision().publish()
    assert "De gepubliceerde tekst." in client.get("/nl/about/").content.decode()


def test_deleted_page_leaves_the_menu(client, site_tree):
    extra = StandardPageFactory(parent=site_tree.home["nl"], title="Tijdelijk")
    assert "Tijdelijk" in main_menu(client.get("/nl/").content.decode())

    extra.delete()

    assert "Tijdelijk" not in main_menu(client.get("/nl/").content.decode())


def test_hreflang_alternates_are_absolute_links_to_each_translation(client, site_tree):
    html = client.get("/fr/a-propos/").content.decode()

    alternates = dict(re.findall(r'<link rel="alternate" hreflang="(\w+)" href="([^"]+)"', html))
    root = site_tree.home["nl"].get_site().root_url
    assert alternates == {
        "nl": f"{root}/nl/about/",
        "fr": f"{root}/fr/a-propos/",
        "en": f"{root}/en/about-us/",
    }
    assert root.startswith(("http://", "https://"))


def test_footer_and_title_show_the_organisation_in_the_pages_language(client, site_tree, locales):
    dutch = OrganisationIdentity.objects.create(
        locale=locales["nl"], name="Kamer Benelux", address="Kunstlaan 1\n1000 Brussel"
    )
    french = dutch.copy_for_translation(locales["fr"])
    french.name, french.address = "Chambre Benelux", "Avenue des Arts 1\n1000 Bruxelles"
    french.save()

    fr_html = client.get(site_tree.home["fr"].url).content.decode()
    en_html = client.get(site_tree.home["en"].url).content.decode()

    fr_footer = fr_html[fr_html.index("<footer") :]
    assert "Chambre Benelux" in fr_footer and "Avenue des Arts 1<br>1000 Bruxelles" in fr_footer
    assert "Kamer Benelux" not in fr_html and "Kunstlaan" not in fr_html
    assert "· Chambre Benelux</title>" in fr_html
    # Not translated into English yet: the source language's words, not an empty footer.
    assert "Kamer Benelux" in en_html[en_html.index("<footer") :]


def test_the_userbar_is_offered_to_a_signed_in_editor_and_not_to_visitors(client, home_page):
    from django.contrib.auth import get_user_model

    assert "wagtail-userbar" not in client.get("/nl/").text
    editor = get_user_model().objects.create_superuser("userbar", "userbar@example.org", "pw")
    client.force_login(editor)

    assert "wagtail-userbar" in client.get("/nl/").text

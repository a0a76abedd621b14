"""The import of a whole small site, in every format: what a visitor and an editor notice."""

from __future__ import annotations

import json

import pytest
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from home.models import StandardPage
from plone_import.models import ImportedItem, ImportRun

from .conftest import run_import
from .exports import PDF, PNG, uid

pytestmark = pytest.mark.django_db


def page_at(url_path_tail: str) -> Page:
    return Page.objects.get(url_path__endswith=url_path_tail).specific


def test_tree_and_order_follow_plone(site, export):
    output, status = run_import(export)
    assert status == 1, output  # the broken item
    about = page_at("/over-ons/")
    assert about.get_parent().pk == site["homes"]["nl"].pk
    assert [child.slug for child in about.get_children()] == ["team", "geschiedenis"]
    assert isinstance(about, StandardPage)
    team = page_at("/over-ons/team/")
    assert team.search_description == "Over Ons team"
    assert team.intro == "Over Ons team"
    assert page_at("/over-ons/team/").show_in_menus is True
    assert page_at("/over-ons/geschiedenis/").show_in_menus is False
    # The French and English trees hang under their own homes.
    assert page_at("/a-propos/").get_parent().pk == site["homes"]["fr"].pk
    assert page_at("/about/team/").locale.language_code == "en"


def test_default_page_becomes_the_folder_content(site, export):
    run_import(export)
    about = page_at("/over-ons/")
    body = json.dumps(list(about.body.raw_data))
    assert "Lees over" in body
    assert not Page.objects.filter(slug="index_html").exists()
    item = ImportedItem.objects.get(uid=uid("/nl/over-ons/index_html"))
    assert item.object_id == about.pk


def test_rich_text_links_resolved_and_nothing_of_the_old_site_left(site, export):
    output, _status = run_import(export, "--report", str(export.parent / "report.json"))
    team = page_at("/over-ons/team/")
    about = page_at("/over-ons/")
    body = json.dumps(list(about.body.raw_data))
    assert f'linktype=\\"page\\" id=\\"{team.pk}\\"' in body
    news = page_at("/nieuws/nieuw-bericht/")
    assert f'linktype=\\"page\\" id=\\"{news.pk}\\"' in body
    document = get_document_model().objects.get(title="Jaarverslag")
    assert f'linktype=\\"document\\" id=\\"{document.pk}\\"' in body
    image = get_image_model().objects.get(title="Logo")
    image_blocks = [b for b in about.body.raw_data if b["type"] == "image"]
    assert image_blocks and image_blocks[0]["value"]["image"] == image.pk
    assert "https://www.example.org/" in body
    for page in Page.objects.type(StandardPage).specific():
        stored = json.dumps(list(page.body.raw_data)) + page.intro
        assert "resolveuid" not in stored.lower()
        assert "kvk.example/" not in stored
        assert "<script" not in stored
    report = json.loads((export.parent / "report.json").read_text())
    assert {"path": "/nl/over-ons/index_html", "link": f"resolveuid/{'f' * 32}"} in report[
        "unresolved_links"
    ]


def test_volto_blocks_become_stream_blocks(site, export):
    run_import(export)
    page = page_at("/about/team/")
    kinds = [block["type"] for block in page.body.raw_data]
    assert kinds == ["paragraph", "image"]
    team_nl = page_at("/over-ons/team/")
    assert f'id="{team_nl.pk}"' in page.body.raw_data[0]["value"]


def test_files_and_images_with_their_bytes_in_the_import_collection(site, export):
    run_import(export)
    document = get_document_model().objects.get(title="Jaarverslag")
    image = get_image_model().objects.get(title="Logo")
    with document.file.open() as handle:
        assert handle.read() == PDF
    with image.file.open() as handle:
        assert handle.read() == PNG
    assert document.collection.name.startswith("Plone: ")
    assert image.collection_id == document.collection_id
    assert (image.width, image.height) == (8, 6)


def test_translations_linked_in_wagtail_localize(site, export):
    from wagtail_localize.models import Translation, TranslationSource

    run_import(export)
    team = page_at("/over-ons/team/")
    equipe = page_at("/a-propos/equipe/")
    english = page_at("/about/team/")
    assert team.translation_key == equipe.translation_key == english.translation_key
    source = TranslationSource.objects.get(object_id=team.translation_key, locale=team.locale)
    assert set(
        Translation.objects.filter(source=source).values_list(
            "target_locale__language_code", flat=True
        )
    ) == {"fr", "en"}
    about = page_at("/over-ons/")
    assert {p.locale.language_code for p in about.get_translations()} == {"fr", "en"}


def test_sync_keeps_the_translated_words(site, export):
    """wagtail-localize's "Sync translated pages" rebuilds a translation from its stored
    strings: the imported French words are those strings, and the English page, whose blocks
    differ from the Dutch, is left out of syncs rather than overwritten."""
    from wagtail_localize.models import Translation

    run_import(export)
    team = page_at("/over-ons/team/")
    translations = {
        t.target_locale.language_code: t
        for t in Translation.objects.filter(source__object_id=team.translation_key)
    }
    assert translations["fr"].enabled and not translations["en"].enabled
    translations["fr"].save_target(publish=True)
    equipe = page_at("/a-propos/equipe/")
    assert equipe.title == "Notre équipe"
    assert "L'équipe" in equipe.body.raw_data[0]["value"]
    assert "Het team" not in equipe.body.raw_data[0]["value"]


def test_every_old_url_redirects_permanently_to_its_new_page(site, export, client):
    run_import(export)
    team = page_at("/over-ons/team/")
    document = get_document_model().objects.get(title="Jaarverslag")
    image = get_image_model().objects.get(title="Logo")
    expectations = {
        "/kvk/nl/over-ons/team": team.url,
        "/kvk/nl/over-ons/index_html": page_at("/over-ons/").url,
        "/nl/over-ons/index_html": page_at("/over-ons/").url,
        "/kvk/nl/oud-adres": team.url,
        "/nl/oud-adres": team.url,
        "/kvk/nl/team-link": team.url,
        "/nl/kvk-site": "https://www.kvk.example.org/",
        "/kvk/nl/bestanden/jaarverslag.pdf": document.url,
        "/nl/bestanden/jaarverslag.pdf/view": document.url,
        "/kvk/nl/bestanden/jaarverslag.pdf/@@download/file": document.url,
        "/nl/bestanden/jaarverslag.pdf/@@download/file/jaarverslag.pdf": document.url,
        "/kvk/nl/bestanden/logo.png/@@images/image/preview": image.file.url,
        "/nl/bestanden/logo.png/image_view_fullscreen": image.file.url,
    }
    for old, new in expectations.items():
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == new, old
    # An old path that is the new path without its slash: the page itself answers.
    response = client.get("/nl/over-ons/team/")
    assert response.status_code == 200
    assert Redirect.objects.filter(redirect_page=team).exists()


def test_states_news_event_and_members(site, export):
    output, _status = run_import(export)
    private = page_at("/intern/")
    assert private.live is False
    assert not Page.objects.live().filter(pk=private.pk).exists()
    team = page_at("/over-ons/team/")
    assert team.live and team.first_published_at.year == 2020
    assert team.last_published_at.year == 2021
    news = page_at("/nieuws/nieuw-bericht/")
    assert news.live
    assert str(news.date) == "2020-03-01"
    assert news.lead_image.title and news.lead_image_caption == "De voorzitter"
    with news.lead_image.file.open() as handle:
        assert handle.read() == PNG
    assert sorted(news.tags.names()) == ["leden", "nieuws"]
    listing = page_at("/nieuws/overzicht/")
    assert f'linktype="page" id="{news.pk}"' in listing.body.raw_data[0]["value"]
    from events.models import EventPage

    event = EventPage.objects.get(slug="jaarvergadering")
    assert event.venue == "Brussel"
    assert "De jaarlijkse vergadering." in event.description
    assert "Secretariaat, info@kvk.example" in event.description
    assert event.start.year == 2030
    assert not event.is_open  # registration closed: Plone took none
    assert "Members not imported: 2" in output


def test_effective_and_expires_schedule_the_page(site, export):
    """Published in Plone with a future effective date: scheduled, not yet live."""
    run_import(export)
    page = page_at("/actie/")
    assert not page.live
    assert page.go_live_at.year == 2035 and page.expire_at.year == 2036
    assert page.get_latest_revision().approved_go_live_at.year == 2035


def test_broken_item_reported_and_the_rest_imported(site, export, tmp_path):
    report_file = tmp_path / "report.json"
    output, status = run_import(export, "--report", str(report_file))
    assert status == 1
    report = json.loads(report_file.read_text())
    paths = [error["path"] for error in report["errors"]]
    assert "/nl/weg/kapot" in paths
    assert "/nl/woordenlijst" in paths  # a type with no counterpart
    # A file whose bytes are not in the export is an error; the rest of its folder is there.
    missing = next(error for error in report["errors"] if error["path"] == "/nl/bestanden/weg.pdf")
    assert "not in the export" in missing["message"]
    assert not get_document_model().objects.filter(title="Weg").exists()
    # A news item whose lead image is only a download URL is made, and the image reported.
    news = page_at("/nieuws/ander-bericht/")
    assert news.live and news.lead_image is None
    assert any(
        w["path"] == "/nl/nieuws/ander-bericht" and "cannot be fetched offline" in w["message"]
        for w in report["warnings"]
    )
    # A language-independent folder is a page in the default language.
    shared = page_at("/gedeeld/")
    assert shared.get_parent().pk == site["homes"]["nl"].pk
    assert not Page.objects.filter(slug="kapot").exists()
    assert Page.objects.filter(slug="geschiedenis").exists()
    run = ImportRun.objects.get()
    assert run.errors == len(report["errors"]) >= 1
    assert run.status == ImportRun.Status.ERRORS
    # The summary per type, and how many were skipped for an error.
    assert f"{run.errors} item(s) were skipped for errors" in output
    document_line = next(line for line in output.splitlines() if line.startswith("Document "))
    created = report["per_type"]["Document"]["created"]
    assert document_line.split()[1] == str(created) and created >= 3


def test_second_run_changes_nothing(site, export):
    run_import(export)
    counts = (
        Page.objects.count(),
        Revision.objects.count(),
        Redirect.objects.count(),
        get_document_model().objects.count(),
        get_image_model().objects.count(),
    )
    pages = dict(Page.objects.values_list("pk", "latest_revision_id"))
    output, _status = run_import(export)
    assert counts == (
        Page.objects.count(),
        Revision.objects.count(),
        Redirect.objects.count(),
        get_document_model().objects.count(),
        get_image_model().objects.count(),
    )
    assert pages == dict(Page.objects.values_list("pk", "latest_revision_id"))
    last = ImportRun.objects.first()
    assert last.created == 0 and last.updated == 0 and last.unchanged > 10


def test_dry_run_writes_nothing(site, export):
    before = (Page.objects.count(), Redirect.objects.count(), Revision.objects.count())
    output, _status = run_import(export, "--dry-run")
    assert "Dry run" in output
    assert (Page.objects.count(), Redirect.objects.count(), Revision.objects.count()) == before
    assert not ImportRun.objects.exists()
    assert not ImportedItem.objects.exists()
    assert not get_document_model().objects.exists()


def test_search_and_reference_index_hold_the_imported_pages(site, export):
    """The indexes are updated once at the end of the run, not per save: still complete."""
    from wagtail.models import ReferenceIndex

    run_import(export)
    team = page_at("/over-ons/team/")
    about = page_at("/over-ons/")
    assert team.pk in [page.pk for page in Page.objects.live().search(team.title)]
    # The folder page links to the team page, and the admin's "used by" knows it.
    assert ReferenceIndex.get_references_to(team).filter(object_id=str(about.pk)).exists()


def test_related_items_are_listed_under_the_text_as_links(site, export, tmp_path):
    """Plone's related items (the relations file) follow the page's text, under a heading in
    the page's language, as links to what they became; other relations are reported."""
    report_file = tmp_path / "report.json"
    run_import(export, "--report", str(report_file))
    history = page_at("/over-ons/geschiedenis/")
    body = json.dumps(list(history.body.raw_data))
    news = page_at("/nieuws/nieuw-bericht/")
    document = get_document_model().objects.get(title="Jaarverslag")
    assert "Gerelateerde items" in body
    assert f'linktype=\\"page\\" id=\\"{news.pk}\\"' in body
    assert f'linktype=\\"document\\" id=\\"{document.pk}\\"' in body
    messages = [w["message"] for w in json.loads(report_file.read_text())["warnings"]]
    assert "1 relation(s) 'partners' not imported" in messages
    assert not any("isReferencing" in message for message in messages)


def _type_change(source, kind: str, item_uid: str, changes: dict) -> None:
    """Change one item of a written export in place, as the next export would have it."""
    if kind == "collective-list":
        content = json.loads(source.read_text())
        for item in content:
            if item["UID"] == item_uid:
                item.update(changes)
        source.write_text(json.dumps(content))
        return
    data = source / "content" / item_uid / "data.json"
    data.write_text(json.dumps(json.loads(data.read_text()) | changes))


@pytest.mark.parametrize("kind", ["collective-list", "plone-folder"])
def test_an_item_whose_type_changed_is_replaced_not_doubled(
    site, tmp_path, now_ms, settings, client, kind
):
    """The news folder became a Collection between two runs: its page is replaced by one of
    the collection model, with its children, redirects and the links to it."""
    from home.models import NewsIndexPage

    from .conftest import export_write

    settings.PLONE_IMPORT_COLLECTION_MODEL = "home.NewsIndexPage"
    source = export_write(kind, tmp_path, now_ms)
    run_import(source)
    old = page_at("/nieuws/")
    assert not isinstance(old, NewsIndexPage)
    _type_change(
        source,
        kind,
        uid("/nl/nieuws"),
        {"@type": "Collection", "query": [{"i": "portal_type", "o": "any", "v": ["News Item"]}]},
    )
    report_file = tmp_path / "report.json"
    run_import(source, "--report", str(report_file))

    news = page_at("/nieuws/")
    assert isinstance(news, NewsIndexPage)
    assert not Page.objects.filter(pk=old.pk).exists()
    assert Page.objects.filter(slug__startswith="nieuws").count() == 1
    assert sorted(child.slug for child in news.get_children()) == [
        "ander-bericht",
        "nieuw-bericht",
        "overzicht",
    ]
    assert ImportedItem.objects.get(uid=uid("/nl/nieuws")).object_id == news.pk
    history = page_at("/over-ons/geschiedenis/")
    assert f'linktype=\\"page\\" id=\\"{news.pk}\\"' in json.dumps(list(history.body.raw_data))
    response = client.get("/kvk/nl/nieuws")
    assert response.status_code == 301 and response["Location"] == news.url
    child = client.get("/nl/nieuws/nieuw-bericht")
    assert child.status_code == 301
    assert child["Location"] == page_at("/nieuws/nieuw-bericht/").url
    messages = [w["message"] for w in json.loads(report_file.read_text())["warnings"]]
    assert "it was a StandardPage before: replaced by a NewsIndexPage" in messages
    # A third run finds it as it is: nothing made or replaced again.
    pages = Page.objects.count()
    run_import(source)
    assert Page.objects.count() == pages
    assert ImportRun.objects.first().created == 0


def test_debug_query_log_does_not_grow_with_the_export(site, export, settings):
    """With DEBUG on Django logs every query; the import keeps only the current item's."""
    from django.db import connection, reset_queries

    settings.DEBUG = True
    reset_queries()
    run_import(export)
    assert Page.objects.filter(slug="geschiedenis").exists()
    assert len(connection.queries) < 200

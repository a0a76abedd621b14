"""The command's options: languages mapped or skipped, another parent, what runs are kept."""

from __future__ import annotations

import json

import pytest
from wagtail.models import Page

from home.models import StandardPage
from tests.home.factories import StandardPageFactory

from .conftest import export_write, run_import

pytestmark = pytest.mark.django_db


@pytest.fixture
def source(tmp_path, now_ms):
    return export_write("collective-list", tmp_path, now_ms)


def test_a_language_without_a_locale_is_skipped_and_reported(site, source, tmp_path):
    report_file = tmp_path / "report.json"
    run_import(source, "--language", "en=de", "--report", str(report_file))
    report = json.loads(report_file.read_text())
    skipped = {entry["path"] for entry in report["skipped"]}
    assert {"/en/about", "/en/about/team"} <= skipped
    assert not Page.objects.filter(locale__language_code="en", slug="about").exists()
    assert Page.objects.filter(slug="over-ons").exists()


def test_under_puts_the_tree_below_another_page_in_every_language(site, source):
    archive = StandardPageFactory(parent=site["homes"]["nl"], title="Archief", slug="archief")
    run_import(source, "--under", str(archive.pk))
    about = StandardPage.objects.get(slug="over-ons")
    assert about.get_parent().pk == archive.pk
    french = StandardPage.objects.get(slug="a-propos")
    assert french.get_parent().specific.translation_key == archive.translation_key
    assert french.get_parent().locale.language_code == "fr"


def test_an_unknown_under_page_is_refused(site, source):
    output, status = run_import(source, "--under", "999999")
    assert status == 1 and "no such page" in output
    assert not StandardPage.objects.exists()


def test_a_bad_language_option_is_refused(site, source):
    output, status = run_import(source, "--language", "nl")
    assert status == 1 and "PLONE=WAGTAIL" in output


def test_items_without_a_language_take_the_default_language(site, tmp_path):
    """A site that was never multilingual: its items go under the given locale's home."""
    site_url = "http://old.example/Plone"
    items = [
        {
            "@id": f"{site_url}/diensten",
            "@type": "Document",
            "UID": "d" * 32,
            "id": "diensten",
            "title": "Services",
            "language": "",
            "review_state": "published",
            "parent": {"@id": site_url, "@type": "Plone Site", "UID": ""},
        }
    ]
    source = tmp_path / "plone.json"
    source.write_text(json.dumps(items))
    _output, status = run_import(source, "--default-language", "fr")
    assert status == 0
    page = StandardPage.objects.get(slug="diensten")
    assert page.locale.language_code == "fr"
    assert page.get_parent().pk == site["homes"]["fr"].pk


class _Terminal:
    """Standard error as a terminal: the command draws its progress bar only there."""

    def isatty(self) -> bool:
        return True

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass


def test_a_terminal_gets_a_progress_bar_and_a_log_gets_none(site, source, monkeypatch):
    import sys
    from io import StringIO

    from django.core.management import CommandError, call_command

    def bar() -> str:
        err = StringIO()
        with pytest.raises(CommandError):  # the broken item
            call_command("import_plone", str(source), stdout=StringIO(), stderr=err)
        return err.getvalue()

    assert "[" not in bar()  # not a terminal: a log stays clean
    monkeypatch.setattr(sys, "stderr", _Terminal())
    drawn = bar()
    last = drawn.rsplit("\r", 1)[-1].strip()
    assert last.startswith("[" + "#" * 40 + "]")
    done, total = last.split()[-1].split("/")
    assert done == total and int(total) > 20

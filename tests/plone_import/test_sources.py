"""Reading exports: each format and layout is recognised, streamed, and a bad file is named."""

from __future__ import annotations

import json

import pytest
from wagtail.documents import get_document_model
from wagtail.models import Page

from plone_import.source import SourceError, open_source
from plone_import.source.readers import COLLECTIVE, PLONE

from .conftest import export_write, run_import
from .exports import PDF


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("collective-list", COLLECTIVE),
        ("collective-files", COLLECTIVE),
        ("plone-folder", PLONE),
        ("plone-zip", PLONE),
    ],
)
def test_format_is_detected_and_broken_files_are_named(kind, expected, tmp_path, now_ms):
    source = open_source(export_write(kind, tmp_path, now_ms))
    try:
        assert source.format == expected
        entries = list(source.entries())
        assert sum(1 for e in entries if e.item is not None) >= 20
        broken = [e for e in entries if e.item is None]
        assert len(broken) == (0 if kind == "collective-list" else 1)
        assert all("malformed JSON" in e.error for e in broken)
        assert source.side("translations")
    finally:
        source.close()


def test_a_list_is_streamed_and_read_again_by_position(tmp_path, now_ms):
    source = open_source(export_write("collective-list", tmp_path, now_ms))
    entries = list(source.entries())
    wanted = [entries[5].location, entries[2].location]
    again = list(source.entries(wanted))
    assert {e.item["UID"] for e in again} == {entries[5].item["UID"], entries[2].item["UID"]}


def test_a_folder_that_is_no_export_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(SourceError):
        open_source(tmp_path)
    output, status = run_import(tmp_path / "missing")
    assert status == 1 and "does not exist" in output


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["collective-files", "plone-folder"])
def test_other_layouts_import_the_same_site(site, kind, tmp_path, now_ms):
    report = tmp_path / "report.json"
    _output, status = run_import(export_write(kind, tmp_path, now_ms), "--report", str(report))
    assert status == 1
    errors = json.loads(report.read_text())["errors"]
    assert any("malformed JSON" in error["message"] for error in errors)
    about = Page.objects.get(url_path__endswith="/over-ons/")
    assert [child.slug for child in about.get_children()] == ["team", "geschiedenis"]
    with get_document_model().objects.get(title="Jaarverslag").file.open() as handle:
        assert handle.read() == PDF


@pytest.mark.django_db
def test_items_plone_could_not_export_are_reported_not_read_as_items(site, tmp_path, now_ms):
    """collective.exportimport's "Write out Errors to file" leaves ``errors.json`` among the
    item files: what it lists was never exported, and the file itself is no item."""
    source = export_write("collective-files", tmp_path, now_ms)
    (source / "content" / "errors.json").write_text(
        json.dumps(
            {
                "unexported_paths": [
                    {
                        "path": "http://www.kvk.example/kvk/nl/groot-verslag",
                        "message": "Error exporting http://www.kvk.example/kvk/nl/groot-verslag",
                    }
                ]
            }
        )
    )
    report = tmp_path / "report.json"
    _output, status = run_import(source, "--report", str(report))
    assert status == 1
    errors = json.loads(report.read_text())["errors"]
    assert [e["path"] for e in errors if "did not export" in e["message"]] == ["/nl/groot-verslag"]
    assert not any("errors.json" in e["path"] for e in errors)
    assert Page.objects.filter(url_path__endswith="/over-ons/team/").exists()

import json
import zipfile

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from privacy import services
from tests.privacy.factories import PurposeFactory
from tests.privacy.testapp.models import UnreliableStorage


def _export(email, tmp_path, capsys):
    target = tmp_path / "export.zip"
    call_command("privacy_export", email, "--output", str(target))
    return target, capsys.readouterr().out


def test_export_holds_every_registered_row_and_the_files_themselves(make_dossier, tmp_path, capsys):
    dossier = make_dossier("ann@example.org")
    make_dossier("bob@example.org")
    services.consent_record(
        purpose=PurposeFactory(key="newsletter"),
        granted=True,
        locale="nl",
        source="form",
        email="ann@example.org",
    )

    target, out = _export(" ANN@example.org", tmp_path, capsys)

    with zipfile.ZipFile(target) as archive:
        data = json.loads(archive.read("data.json"))
        names = set(archive.namelist())
        document = next(f for f in data["files"] if f["field"] == "document")
        assert archive.read(document["archive_name"]).startswith(b"%PDF cv of ann@")
    assert data["subject"] == "ann@example.org"
    [row] = data["records"]["privacy_testapp.Dossier"]
    assert row["id"] == dossier.pk and row["email"] == "ann@example.org"
    assert "secret_note" not in row
    [consent] = data["records"]["privacy.ConsentRecord"]
    assert consent["purpose_key"] == "newsletter"
    assert {f["field"] for f in data["files"]} == {"document", "attachments__file"}
    assert {f["archive_name"] for f in data["files"]} <= names
    assert "bob@example.org" not in json.dumps(data)
    assert "Exported 2 row(s) and 2 file(s)" in out


def test_a_file_missing_from_storage_is_listed_not_fatal(make_dossier, tmp_path, capsys):
    dossier = make_dossier("ann@example.org")
    dossier.document.storage.delete(dossier.document.name)

    target, _ = _export("ann@example.org", tmp_path, capsys)

    with zipfile.ZipFile(target) as archive:
        data = json.loads(archive.read("data.json"))
    assert len(data["missing_files"]) == 1


def test_an_unknown_address_exports_an_empty_result_with_a_clear_message(
    make_dossier, tmp_path, capsys
):
    make_dossier("ann@example.org")
    target, out = _export("nobody@example.org", tmp_path, capsys)

    with zipfile.ZipFile(target) as archive:
        data = json.loads(archive.read("data.json"))
    assert data["records"] == {} and data["files"] == []
    assert "Nothing is held about nobody@example.org" in out


@pytest.mark.django_db
def test_a_malformed_address_is_refused_and_nothing_is_written(tmp_path):
    target = tmp_path / "export.zip"
    # The site speaks Dutch (LANGUAGE_CODE nl); the command's output stays English.
    with translation.override("nl"), pytest.raises(CommandError, match="not a valid e-mail"):
        call_command("privacy_export", "ann@", "--output", str(target))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.django_db
def test_an_output_in_a_missing_folder_is_refused_and_nothing_is_written(tmp_path):
    target = tmp_path / "no-such-folder" / "export.zip"
    with pytest.raises(CommandError, match="does not exist"):
        call_command("privacy_export", "ann@example.org", "--output", str(target))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.django_db
def test_an_output_that_is_a_folder_is_refused_and_nothing_is_written(tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    with pytest.raises(CommandError, match="is a folder"):
        call_command("privacy_export", "ann@example.org", "--output", str(folder))
    assert list(tmp_path.iterdir()) == [folder]
    assert list(folder.iterdir()) == []


def test_a_file_storage_cannot_read_is_listed_and_the_command_fails(make_dossier, tmp_path, capsys):
    dossier = make_dossier("ann@example.org")
    attachment = dossier.attachments.get()
    UnreliableStorage.reads_down = True
    target = tmp_path / "export.zip"

    with pytest.raises(CommandError, match="1 file\\(s\\) could not be read"):
        call_command("privacy_export", "ann@example.org", "--output", str(target))

    with zipfile.ZipFile(target) as archive:
        data = json.loads(archive.read("data.json"))
        names = archive.namelist()
    [unreadable] = data["unreadable_files"]
    assert unreadable["file"].endswith(attachment.file.name)
    assert "storage refused the read" in unreadable["error"]
    assert unreadable["file"] not in names
    document = next(f for f in data["files"] if f["field"] == "document")
    assert document["archive_name"] in names
    assert "unreadable" in capsys.readouterr().err

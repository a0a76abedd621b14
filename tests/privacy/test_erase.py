import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from privacy import services
from privacy.hashing import address_hash
from privacy.models import ConsentRecord, DeletionLog
from tests.privacy.conftest import file_exists
from tests.privacy.factories import PurposeFactory
from tests.privacy.testapp.models import Attachment, Dossier, UnreliableStorage


@pytest.fixture
def ann_and_bob(make_dossier):
    ann, bob = make_dossier("ann@example.org", expired=False), make_dossier("bob@example.org")
    newsletter = PurposeFactory(key="newsletter")
    for email in ("ann@example.org", "bob@example.org"):
        services.consent_record(
            purpose=newsletter, granted=True, locale="nl", source="form", email=email
        )
    return ann, bob


def test_erase_removes_rows_and_files_and_hashes_the_address_in_the_proofs(ann_and_bob):
    ann, bob = ann_and_bob
    ann_attachment = ann.attachments.get()
    out = io.StringIO()

    call_command("privacy_erase", "Ann@Example.org", "--yes", stdout=out)

    assert not Dossier.objects.filter(email="ann@example.org").exists()
    assert not Attachment.objects.filter(pk=ann_attachment.pk).exists()
    assert not file_exists(ann.document) and not file_exists(ann_attachment.file)
    assert not ConsentRecord.objects.filter(subject_email="ann@example.org").exists()
    proof = ConsentRecord.objects.get(subject_hash=address_hash("ann@example.org"))
    assert proof.pseudonymised_at is not None and proof.withdrawn_at is not None
    assert "ann" not in str(ConsentRecord.objects.filter(pk=proof.pk).values().get()).lower()
    assert file_exists(bob.document) and file_exists(bob.attachments.get().file)
    assert ConsentRecord.objects.filter(subject_email="bob@example.org").count() == 1
    assert "Erased 1 row(s) and 2 file(s) about ann@example.org" in out.getvalue()
    assert "Kept 1 consent proof(s) with the address replaced by a keyed hash" in out.getvalue()


def test_erase_leaves_counts_without_personal_data_in_the_deletion_log(ann_and_bob):
    call_command("privacy_erase", "ann@example.org", "--yes", stdout=io.StringIO())

    entries = {(e.model, e.reason): e for e in DeletionLog.objects.all()}
    assert entries[("privacy.ConsentRecord", "pseudonymisation")].count == 1
    assert ("privacy.ConsentRecord", "erasure") not in entries
    assert entries[("privacy_testapp.Dossier", "erasure")].count == 1
    assert entries[("privacy_testapp.Dossier", "erasure")].files == 2
    dumped = str(list(DeletionLog.objects.values()))
    assert "ann" not in dumped.lower()


def test_an_unknown_address_erases_nothing_with_a_clear_message(ann_and_bob):
    out = io.StringIO()
    call_command("privacy_erase", "nobody@example.org", "--yes", stdout=out)

    assert "Nothing is held about nobody@example.org; nothing erased." in out.getvalue()
    assert Dossier.objects.count() == 2 and ConsentRecord.objects.count() == 2
    assert not DeletionLog.objects.exists()


def test_a_malformed_address_is_refused_and_nothing_is_touched(ann_and_bob):
    with translation.override("nl"), pytest.raises(CommandError, match="not a valid e-mail"):
        call_command("privacy_erase", "ann@example", "--yes")
    assert Dossier.objects.count() == 2 and ConsentRecord.objects.count() == 2


def test_without_yes_a_non_interactive_run_refuses(ann_and_bob, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("yes\n"))
    with pytest.raises(CommandError, match="pass --yes"):
        call_command("privacy_erase", "ann@example.org", stdout=io.StringIO())
    assert Dossier.objects.filter(email="ann@example.org").exists()


def test_when_storage_is_down_the_row_stays_and_the_command_fails(ann_and_bob):
    ann, _ = ann_and_bob
    UnreliableStorage.down = True
    with pytest.raises(CommandError, match="could not be deleted"):
        call_command(
            "privacy_erase", "ann@example.org", "--yes", stdout=io.StringIO(), stderr=io.StringIO()
        )
    assert Dossier.objects.filter(pk=ann.pk).exists()

    UnreliableStorage.down = False
    call_command("privacy_erase", "ann@example.org", "--yes", stdout=io.StringIO())
    assert not Dossier.objects.filter(pk=ann.pk).exists()

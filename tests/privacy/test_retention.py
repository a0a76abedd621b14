import io
import os
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import closing
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from privacy.models import ConsentRecord, DeletionLog, RetentionFailure
from privacy.tasks import retention_enforce_task
from tests.privacy.conftest import file_exists
from tests.privacy.factories import ConsentRecordFactory
from tests.privacy.testapp.models import Attachment, Dossier, Invoice, UnreliableStorage


def _run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("enforce_retention", *args, stdout=out, stderr=err)
    return out.getvalue()


def _dossier_log(**filters):
    return DeletionLog.objects.filter(model="privacy_testapp.Dossier", **filters)


def test_expired_rows_and_their_files_are_deleted_and_the_rest_stays(make_dossier):
    expired = [make_dossier(f"old{i}@example.org") for i in range(3)]
    kept = make_dossier("new@example.org", expired=False)
    expired_files = [d.document for d in expired] + [d.attachments.get().file for d in expired]

    out = _run("--batch-size", "2")

    assert list(Dossier.objects.all()) == [kept]
    assert Attachment.objects.filter(dossier=kept).count() == 1
    assert not any(file_exists(f) for f in expired_files)
    assert file_exists(kept.document)
    assert "privacy_testapp.Dossier: deleted 3 row(s), 6 file(s)" in out


def test_every_run_logs_counts_per_purpose_without_personal_data(make_dossier):
    make_dossier("a@example.org", purpose_key="job-application")
    make_dossier("b@example.org", purpose_key="job-application")
    make_dossier("c@example.org", purpose_key="talent-pool")

    _run()

    counts = dict(_dossier_log(reason="retention").values_list("purpose_key", "count"))
    assert counts == {"job-application": 2, "talent-pool": 1}
    assert "@example.org" not in str(list(DeletionLog.objects.values()))

    _run()
    assert _dossier_log(purpose_key="", count=0).count() == 1


def test_a_dry_run_deletes_nothing_and_logs_what_would_go(make_dossier):
    dossier = make_dossier()

    out = _run("--dry-run")

    assert Dossier.objects.filter(pk=dossier.pk).exists()
    assert file_exists(dossier.document) and file_exists(dossier.attachments.get().file)
    entry = _dossier_log().get()
    assert entry.dry_run and entry.count == 1 and entry.files == 2
    assert "would delete 1 row(s), 2 file(s)" in out


def test_a_file_that_cannot_be_deleted_keeps_its_row_marked_and_fails_the_run(make_dossier):
    dossier = make_dossier()
    other = make_dossier("other@example.org", files=False)
    UnreliableStorage.down = True

    with pytest.raises(CommandError, match="1 expired row"):
        _run()

    assert Dossier.objects.filter(pk=dossier.pk).exists()
    assert not Dossier.objects.filter(pk=other.pk).exists()
    failure = RetentionFailure.objects.get(object_pk=str(dossier.pk))
    assert "storage unavailable" in failure.error and failure.attempts == 1
    assert _dossier_log().get().errors == 1

    with pytest.raises(CommandError):
        _run()
    failure.refresh_from_db()
    assert failure.attempts == 2

    UnreliableStorage.down = False
    _run()
    assert not Dossier.objects.filter(pk=dossier.pk).exists()
    assert not RetentionFailure.objects.exists()
    assert not file_exists(dossier.document)


def test_running_twice_deletes_each_row_once(make_dossier):
    for i in range(5):
        make_dossier(f"p{i}@example.org", files=False)

    _run("--batch-size", "2")
    _run("--batch-size", "2")

    assert sum(_dossier_log().values_list("count", flat=True)) == 5
    assert not Dossier.objects.exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs row locks (PostgreSQL)")
def test_two_concurrent_runs_delete_each_row_once(make_dossier):
    for i in range(60):
        make_dossier(f"p{i}@example.org", files=i % 3 == 0)
    errors = []

    def run():
        try:
            _run("--batch-size", "7")
        except Exception as error:  # surfaced below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert not Dossier.objects.exists()
    entries = _dossier_log()
    assert entries.values("run_id").distinct().count() == 2
    assert sum(entries.values_list("count", flat=True)) == 60
    assert sum(entries.values_list("files", flat=True)) == 40


def test_retention_runs_as_a_task_and_returns_counts_only(make_dossier):
    make_dossier(files=False)
    result = retention_enforce_task.enqueue()
    assert result.return_value["models"]["privacy_testapp.Dossier"]["rows"] == 1
    assert not Dossier.objects.exists()


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_a_terminal_gets_a_progress_display_and_a_log_file_does_not(make_dossier):
    for i in range(3):
        make_dossier(f"p{i}@example.org", files=False)
    terminal = Terminal()
    call_command("enforce_retention", "--batch-size", "2", stdout=terminal)
    assert "\rprivacy_testapp.Dossier: [" in terminal.getvalue()
    assert "3/3" in terminal.getvalue()

    make_dossier("late@example.org", files=False)
    assert "[" not in _run()


def test_a_row_another_model_protects_is_kept_marked_and_the_run_fails(make_dossier):
    protected = make_dossier("kept@example.org", files=False)
    free = make_dossier("free@example.org", files=False)
    Invoice.objects.create(dossier=protected)

    with pytest.raises(CommandError):
        _run()

    assert list(Dossier.objects.all()) == [protected]
    assert not Dossier.objects.filter(pk=free.pk).exists()
    assert "ProtectedError" in RetentionFailure.objects.get(object_pk=str(protected.pk)).error


def test_a_row_without_an_expiry_date_is_never_expired(make_dossier):
    # retain_until NULL means "kept while the subject keeps agreeing" (ongoing consent).
    ongoing = make_dossier("ongoing@example.org")
    Dossier.objects.filter(pk=ongoing.pk).update(retain_until=None)
    make_dossier("old@example.org", files=False)

    out = _run()

    assert list(Dossier.objects.all()) == [ongoing]
    assert file_exists(ongoing.document)
    assert "privacy_testapp.Dossier: deleted 1 row(s)" in out


def test_a_run_that_dies_half_way_has_logged_what_it_already_deleted(make_dossier, monkeypatch):
    from privacy.services import deletion

    for i in range(3):
        make_dossier(f"p{i}@example.org", files=False)
    refusal = ConsentRecordFactory(
        granted=False,
        subject_email="",
        anonymous_id="cookie-1",
        recorded_at=timezone.now() - timedelta(days=10 * 365),
    )
    real_delete_rows = deletion._delete_rows

    def failing_for_the_ledger(registration, pks, failures):
        if registration.model is ConsentRecord:
            raise RuntimeError("database went away")
        return real_delete_rows(registration, pks, failures)

    monkeypatch.setattr(deletion, "_delete_rows", failing_for_the_ledger)

    with pytest.raises(RuntimeError, match="database went away"):
        _run()

    assert not Dossier.objects.exists()
    assert _dossier_log().get().count == 3
    assert ConsentRecord.objects.filter(pk=refusal.pk).exists()
    ledger = DeletionLog.objects.get(model="privacy.ConsentRecord", reason="retention")
    assert ledger.count == 0 and ledger.run_id == _dossier_log().get().run_id


# Each process sets Django up, says it is ready, then waits for the same go signal, so
# both delete at once (Django's start-up alone takes longer than the whole deletion).
RUN_WHEN_TOLD = """
import pathlib, sys, time
import django
django.setup()
from django.core.management import call_command
from django.db import connection
connection.ensure_connection()
pathlib.Path(sys.argv[2]).touch()
go = pathlib.Path(sys.argv[1])
while not go.exists():
    time.sleep(0.005)
call_command("enforce_retention", "--batch-size", "3")
"""


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's write queue")
def test_two_processes_at_once_on_sqlite_queue_and_delete_each_row_once(tmp_path, settings):
    expired = timezone.now() - timedelta(days=1)
    Dossier.objects.bulk_create(
        Dossier(email=f"p{i}@example.org", name="P", retain_until=expired) for i in range(600)
    )
    # A file copy of the migrated test database, rows included: what `migrate` would give.
    database = tmp_path / "db.sqlite3"
    connection.ensure_connection()
    with closing(sqlite3.connect(database)) as copy:
        connection.connection.backup(copy)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.test",
        "DATABASE_URL": f"sqlite:///{database}",
    }
    go = tmp_path / "go"
    runs = [
        subprocess.Popen(  # noqa: S603 (our own interpreter and code)
            [sys.executable, "-c", RUN_WHEN_TOLD, str(go), str(tmp_path / f"ready{i}")],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for i in range(2)
    ]
    deadline = time.monotonic() + 30
    while len(list(tmp_path.glob("ready*"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    go.touch()
    results = [run.communicate(timeout=60) for run in runs]

    assert [run.returncode for run in runs] == [0, 0], results
    with closing(sqlite3.connect(database)) as db:
        assert db.execute("SELECT count(*) FROM privacy_testapp_dossier").fetchone() == (0,)
        logged = db.execute(
            "SELECT count(DISTINCT run_id), sum(count) FROM privacy_deletionlog "
            "WHERE model = 'privacy_testapp.Dossier'"
        ).fetchone()
    assert logged == (2, 600)

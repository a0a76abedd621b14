"""/healthz answers 200 when the site's dependencies work and 503 naming the one that does
not; /healthz/live answers without touching any of them."""

from datetime import timedelta

import pytest
from django.db import connections
from django.utils import timezone

HEALTHZ = "/healthz"
ALL_CHECKS = {"database", "cache", "storage", "migrations"}

# Nothing listens on port 1: connecting is refused at once.
DEAD_REDIS = "redis://:cache-password@127.0.0.1:1/0"


def failed(response) -> list[str]:
    assert response["Content-Type"] == "application/json"
    return response.json()["failed"]


@pytest.fixture
def healthz(client, transactional_db):
    """GET /healthz. Transactional: the checks run on connections of their own, which must
    see committed rows, as a probe does."""
    return lambda: client.get(HEALTHZ)


def test_healthz_answers_200_naming_every_check_when_all_work(healthz):
    response = healthz()

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) >= ALL_CHECKS
    assert set(body["checks"].values()) == {"ok"}
    assert body["failed"] == []
    assert "no-cache" in response["Cache-Control"]


def test_a_database_that_cannot_be_opened_answers_503_naming_it(healthz, monkeypatch, tmp_path):
    # A second database, in a folder that does not exist: every configured one is checked.
    unreachable = {**connections.settings["default"], "NAME": str(tmp_path / "gone" / "db")}
    monkeypatch.setitem(connections.settings, "reports", unreachable)

    response = healthz()

    assert response.status_code == 503
    assert failed(response) == ["database_reports"]
    assert response.json()["checks"]["database"] == "ok"


def test_an_unreachable_cache_answers_503_naming_it_and_nothing_of_its_address(healthz, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": DEAD_REDIS,
        }
    }

    response = healthz()

    assert response.status_code == 503
    assert failed(response) == ["cache"]
    assert response.json()["checks"]["cache"] == "unavailable"
    text = response.content.decode()
    assert "cache-password" not in text
    assert "127.0.0.1" not in text
    assert "Connection" not in text


def test_private_storage_that_cannot_be_written_answers_503_naming_it(healthz, settings, tmp_path):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("a file where the private folder should be")
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "privacy.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": str(not_a_folder)},
        },
    }

    response = healthz()

    assert response.status_code == 503
    assert failed(response) == ["storage"]


def test_private_storage_on_s3_is_checked(healthz, s3):
    response = healthz()

    assert response.status_code == 200
    assert response.json()["checks"]["storage"] == "ok"
    # The probe's file is written and deleted again.
    assert s3.list_objects_v2(Bucket="chamber-private").get("KeyCount") == 0


def test_a_migration_not_applied_answers_503_naming_migrations(healthz, settings):
    settings.MIGRATION_MODULES = {"website": "tests.website.pending_migrations"}

    response = healthz()

    assert response.status_code == 503
    assert failed(response) == ["migrations"]


def test_a_probe_from_inside_the_cluster_is_answered_without_session_or_csp(client, settings, db):
    # The pod's address as Host, plain HTTP: Django would refuse the host (400) and
    # production would redirect to HTTPS (301) before any view ran.
    settings.ALLOWED_HOSTS = ["www.example.org"]
    settings.SECURE_SSL_REDIRECT = True

    for path in (HEALTHZ, "/healthz/live"):
        response = client.get(path, HTTP_HOST="10.1.2.3:8000")

        assert response.status_code in (200, 503), path
        assert not response.cookies, path
        assert "Content-Security-Policy" not in response, path
        assert "Content-Security-Policy-Report-Only" not in response, path


def test_live_answers_without_touching_any_dependency(client, settings):
    # No database fixture: a query would raise. A dead cache, a storage that cannot load.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": DEAD_REDIS,
        }
    }
    settings.STORAGES = {**settings.STORAGES, "private": {"BACKEND": "no.such.Storage"}}

    response = client.get("/healthz/live")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_only_reads_are_answered(client):
    assert client.post(HEALTHZ).status_code == 405
    assert client.post("/healthz/live").status_code == 405


@pytest.fixture
def queued_task(settings):
    """Queue a task in the database, as production does, with nothing working it off; the
    returned function sets when it was queued and from when it may run (None: at once)."""
    from django_tasks_db.models import DBTaskResult, get_date_max

    from privacy.tasks import retention_enforce_task

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.HEALTH_TASK_QUEUE_MAX_AGE = 15 * 60

    def queue(*, queued_ago, runs_after_ago=None, status=None):
        result = retention_enforce_task.enqueue()
        now = timezone.now()
        changes = {
            "enqueued_at": now - queued_ago,
            "run_after": get_date_max() if runs_after_ago is None else now - runs_after_ago,
        }
        if status:
            changes["status"] = status
        DBTaskResult.objects.filter(pk=result.id).update(**changes)

    return queue


def test_a_task_waiting_longer_than_the_limit_answers_503_naming_the_task_queue(
    healthz, queued_task
):
    queued_task(queued_ago=timedelta(minutes=20))

    response = healthz()

    assert response.status_code == 503
    assert failed(response) == ["task_queue"]


def test_a_task_queued_a_minute_ago_keeps_the_queue_healthy(healthz, queued_task):
    queued_task(queued_ago=timedelta(minutes=1))

    response = healthz()

    assert response.status_code == 200
    assert response.json()["checks"]["task_queue"] == "ok"


def test_a_retried_task_waits_from_when_it_was_due_not_from_when_it_was_queued(
    healthz, queued_task
):
    # Queued a day ago, its retry was due a minute ago: a worker has had no time to miss it.
    queued_task(queued_ago=timedelta(days=1), runs_after_ago=timedelta(minutes=1))
    # A task not due for another hour waits for nobody.
    queued_task(queued_ago=timedelta(hours=2), runs_after_ago=-timedelta(hours=1))
    assert healthz().status_code == 200

    # Due twenty minutes ago and not taken: no worker is taking tasks.
    queued_task(queued_ago=timedelta(days=1), runs_after_ago=timedelta(minutes=20))
    response = healthz()

    assert response.status_code == 503
    assert failed(response) == ["task_queue"]


def test_finished_tasks_however_old_are_not_waiting(healthz, queued_task):
    queued_task(queued_ago=timedelta(days=3), status="SUCCESSFUL")
    queued_task(queued_ago=timedelta(days=3), status="FAILED")

    assert healthz().status_code == 200

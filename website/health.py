"""``/healthz`` and ``/healthz/live``: what a load balancer, Kubernetes or systemd asks.

``/healthz`` runs django-health-check's checks of the database, the shared cache, the
private storage (S3 or the private folder), plus two of the project's own: no migration left
to apply, and no task waiting longer than ``HEALTH_TASK_QUEUE_MAX_AGE`` for the worker. It
answers 200 when all pass and 503 otherwise, in JSON naming each check ``ok`` or
``unavailable``. A check's own message (a host name, a driver's error) goes to the log, never
into the answer, which anyone who can reach the address may read.

``/healthz/live`` says only that this process answers requests: a liveness probe must not
restart a healthy server because a shared dependency is down.

Both are answered by a middleware placed first, before anything else runs: probes come from
inside the cluster or the machine, with the pod's address as ``Host`` and over plain HTTP,
so they pass neither ``ALLOWED_HOSTS`` nor the HTTPS redirect; and a probe every few
seconds must not make a session, carry a CSP report address or count against a rate limit.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime
from concurrent.futures import ThreadPoolExecutor

from asgiref.sync import async_to_sync
from django.apps import apps
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from health_check.base import HealthCheck, HealthCheckResult
from health_check.checks import Cache, Database, Storage
from health_check.exceptions import ServiceUnavailable

from website.cache import outage_forget

HEALTH_PATH = "/healthz"
LIVE_PATH = "/healthz/live"

# Synchronous checks (the database, the storage) run here, so a check stuck on a dead host
# past its timeout never holds up the answer nor the next probe's event loop.
_executor = ThreadPoolExecutor(max_workers=4, thread_name_prefix="healthz")


@dataclasses.dataclass
class PendingMigrations(HealthCheck):
    """Unavailable while a migration of the deployed code is not applied: a process of a new
    release must not take traffic before ``migrate`` ran against its database."""

    alias: str = DEFAULT_DB_ALIAS

    def run(self) -> None:
        connection = connections[self.alias]
        with connection.temporary_connection():
            executor = MigrationExecutor(connection)
            plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if plan:
            raise ServiceUnavailable(f"{len(plan)} migration(s) not applied")


@dataclasses.dataclass
class TaskQueueAge(HealthCheck):
    """Unavailable when the oldest task ready to run has waited longer than ``max_age``:
    no worker is taking tasks (e-mail, Wagtail's index updates) off the database queue."""

    max_age: datetime.timedelta = dataclasses.field(
        default=datetime.timedelta(minutes=15), repr=False
    )

    def run(self) -> None:
        from django_tasks_db.models import DBTaskResult, get_date_max

        now = timezone.now()
        date_max = get_date_max()
        connection = connections[DBTaskResult.objects.db]
        with connection.temporary_connection():
            ready = DBTaskResult.objects.ready()
            # A task without a delay waits since it was queued; a retried or delayed one
            # since its run_after passed.
            oldest = [
                ready.filter(run_after=date_max)
                .order_by("enqueued_at")
                .values_list("enqueued_at", flat=True)
                .first(),
                ready.exclude(run_after=date_max)
                .order_by("run_after")
                .values_list("run_after", flat=True)
                .first(),
            ]
        waiting_since = min((moment for moment in oldest if moment), default=None)
        if waiting_since and now - waiting_since > self.max_age:
            raise ServiceUnavailable(f"a task has waited {(now - waiting_since).seconds} s")


@dataclasses.dataclass
class SharedCache(Cache):
    """django-health-check's cache check, asking Redis even while the pages leave it alone
    after a failure (``website.cache``): the probe reports what Redis does now."""

    async def run(self):
        outage_forget()
        await super().run()


def health_checks() -> dict[str, HealthCheck]:
    """The checks of ``/healthz`` by the name its answer gives them."""
    checks: dict[str, HealthCheck] = {
        "database" if alias == DEFAULT_DB_ALIAS else f"database_{alias}": Database(alias=alias)
        for alias in connections
    }
    checks |= {
        "cache": SharedCache(),
        "storage": Storage(alias="private"),
        "migrations": PendingMigrations(),
    }
    if apps.is_installed("django_tasks_db"):
        checks["task_queue"] = TaskQueueAge(
            max_age=datetime.timedelta(seconds=settings.HEALTH_TASK_QUEUE_MAX_AGE)
        )
    return checks


async def _run_all(checks: dict[str, HealthCheck]) -> list[HealthCheckResult]:
    return await asyncio.gather(*(check.get_result(_executor) for check in checks.values()))


def health_response() -> JsonResponse:
    checks = health_checks()
    results = async_to_sync(_run_all)(checks)
    states = {
        name: "unavailable" if result.error else "ok"
        for name, result in zip(checks, results, strict=True)
    }
    failed = [name for name, state in states.items() if state != "ok"]
    body = {"status": "unavailable" if failed else "ok", "checks": states, "failed": failed}
    return JsonResponse(body, status=503 if failed else 200)


def live_response() -> JsonResponse:
    return JsonResponse({"status": "ok"})


class HealthCheckMiddleware:
    """Answer the two health addresses before any other middleware (see the module)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path_info.rstrip("/")
        if path not in (HEALTH_PATH, LIVE_PATH):
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        response = live_response() if path == LIVE_PATH else health_response()
        add_never_cache_headers(response)
        return response

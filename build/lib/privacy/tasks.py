"""Retention as a background task, for sites that run a django-tasks worker.

The ``enforce_retention`` command stays the main entry point (cron, systemd timer,
Kubernetes CronJob); this task lets an admin action or a periodic task runner enqueue the
same work. It returns counts only, so task results hold no personal data.
"""

from django_tasks import task

from .services import retention_enforce


@task()
def retention_enforce_task(dry_run: bool = False) -> dict:
    return retention_enforce(dry_run=dry_run).as_dict()

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


@task()
def mail_deliver_task(mail_id: str) -> str:
    """Deliver one mail of the outbox. Its one argument is the row's id: the task table never
    holds an address or a text, and the worker renders the mail in the recipient's language."""
    from .services.mail import mail_attempt

    return mail_attempt(mail_id=mail_id)

"""The careers app's settings, each with a default; read them here, nowhere else."""

from django.conf import settings

from .constants import RECRUITMENT_GROUP, RECRUITMENT_INBOX


def get(name: str, default):
    return getattr(settings, f"CAREERS_{name}", default)


def recruitment_group() -> str:
    """The group that reads applications (with superusers)."""
    return get("RECRUITMENT_GROUP", RECRUITMENT_GROUP)


def recruitment_inbox() -> str:
    """The inbox new application pages file their submissions in."""
    return get("RECRUITMENT_INBOX", RECRUITMENT_INBOX)


def link_max_age_days() -> int:
    """How long a withdrawal link works (days)."""
    return int(get("WITHDRAW_LINK_DAYS", 200))


def renew_link_max_age_days() -> int:
    """How long a talent-pool renewal link works (days)."""
    return int(get("RENEW_LINK_DAYS", 45))


def talent_pool_reminder_days() -> int:
    """How many days before the talent pool's end the candidate is asked to renew."""
    return int(get("TALENT_POOL_REMINDER_DAYS", 30))


def rejection_grace_minutes() -> int:
    """How long a rejection e-mail waits before it leaves, while HR may still undo (minutes)."""
    return int(get("REJECTION_GRACE_MINUTES", 10))

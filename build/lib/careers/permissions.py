"""Who may read applications and change their status: the ``Recruitment`` group and superusers."""

from __future__ import annotations

from . import conf


def user_is_recruiter(user) -> bool:
    """Whether ``user`` reads applications and changes their status."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name=conf.recruitment_group()).exists()

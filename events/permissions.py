"""Who reads registrations: the organisers (``conf.group_name()``) and superusers, nobody else.

Registrations are personal data kept for running the event; being allowed to edit or publish
an event page never means reading who registered. Model permissions play no part, so an
administrator cannot open the list by ticking a box. Registrations are read, never changed,
in the admin.
"""

from __future__ import annotations

from privacy.permissions import GroupOnlyPermissionPolicy

from . import conf
from .models import Registration

READ = "view"

registration_policy = GroupOnlyPermissionPolicy(Registration, group=conf.group_name, actions={READ})


def is_organiser(user) -> bool:
    """True for active superusers and active members of the events group (None: False)."""
    return registration_policy.user_is_member(user)

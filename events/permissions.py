"""Who reads and runs registrations: the organisers (``conf.group_name()``) and superusers,
nobody else.

Registrations are personal data kept for running the event; being allowed to edit or publish
an event page never means reading who registered. Model permissions play no part, so an
administrator cannot open the list by ticking a box. Organisers read registrations, take one
down for someone, cancel one on the person's behalf and move someone up from the waiting
list; they never edit the answers, and retention deletes registrations after the event.
"""

from __future__ import annotations

from privacy.permissions import GroupOnlyPermissionPolicy

from . import conf
from .models import Registration

registration_policy = GroupOnlyPermissionPolicy(Registration, group=conf.group_name)

#: True for active superusers and active members of the events group (None: False).
is_organiser = registration_policy.user_is_member

"""Who reads applications and changes their status: the recruitment group and superusers.

``Application`` declares no model permissions: editing a vacancy page, reading another inbox
or managing groups never means reading applications. Nobody adds, edits or deletes an
application through the admin: applicants send them, retention and withdrawal delete them.
"""

from __future__ import annotations

from privacy.permissions import GroupOnlyPermissionPolicy

from . import conf
from .models import Application

recruitment_policy = GroupOnlyPermissionPolicy(Application, group=conf.recruitment_group)

#: Whether a user (None included) reads applications and changes their status.
user_is_recruiter = recruitment_policy.user_is_member

"""One permission policy for every recruitment screen: recruiters read and act, nobody else.

``Application`` declares no model permissions: editing a vacancy page, reading another inbox
or managing groups never means reading applications. ``careers.permissions.user_is_recruiter``
is the rule; this policy only tells Wagtail (menu, viewset checks) about it.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies import ModelPermissionPolicy

from .. import conf
from ..models import Application
from ..permissions import user_is_recruiter

# Reading applications and changing their status or adding notes; nobody adds, edits or
# deletes one through the admin: applicants send them, retention and withdrawal delete them.
VIEW = "view"
CHANGE = "change"
RECRUITER_ACTIONS = frozenset({VIEW, CHANGE})


def _is_recruiter(user) -> bool:
    """``user_is_recruiter``, asked once per request: the menu, the view and its links all ask."""
    cached = getattr(user, "_careers_is_recruiter", None)
    if cached is None:
        cached = user_is_recruiter(user)
        if user is not None and user.is_authenticated:
            user._careers_is_recruiter = cached
    return cached


class RecruitmentPermissionPolicy(ModelPermissionPolicy):
    """Recruiters (``Recruitment`` members and superusers) may view and change; others nothing."""

    def user_has_permission(self, user, action):
        return action in RECRUITER_ACTIONS and _is_recruiter(user)

    def user_has_any_permission(self, user, actions):
        return bool(RECRUITER_ACTIONS.intersection(actions)) and _is_recruiter(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions)

    def instances_user_has_permission_for(self, user, action):
        if self.user_has_permission(user, action):
            return self.model._default_manager.all()
        return self.model._default_manager.none()

    def instances_user_has_any_permission_for(self, user, actions):
        if self.user_has_any_permission(user, actions):
            return self.model._default_manager.all()
        return self.model._default_manager.none()

    def users_with_any_permission(self, actions):
        users = get_user_model()._default_manager.filter(is_active=True)
        if not RECRUITER_ACTIONS.intersection(actions):
            return users.none()
        return users.filter(
            Q(is_superuser=True) | Q(groups__name=conf.recruitment_group())
        ).distinct()

    def users_with_permission_for_instance(self, action, instance):
        return self.users_with_any_permission([action])


recruitment_policy = RecruitmentPermissionPolicy(Application)

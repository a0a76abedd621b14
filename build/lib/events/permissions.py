"""Who reads registrations: the organisers (group ``Events``) and superusers, nobody else.

Registrations are personal data kept for running the event; being allowed to edit or publish
an event page never means reading who registered. Model permissions play no part (the group
is named by ``EVENTS_GROUP``), so an administrator cannot open the list by ticking a box.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies import ModelPermissionPolicy

from . import conf
from .models import Registration

READ = "view"


def is_organiser(user) -> bool:
    """True for active superusers and active members of the events group."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name=conf.group_name()).exists()


class RegistrationPermissionPolicy(ModelPermissionPolicy):
    """Reading (and nothing else) for organisers; every other action for nobody."""

    def user_has_permission(self, user, action):
        return action == READ and is_organiser(user)

    def user_has_any_permission(self, user, actions):
        return READ in actions and is_organiser(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions)

    def instances_user_has_permission_for(self, user, action):
        manager = self.model._default_manager
        return manager.all() if self.user_has_permission(user, action) else manager.none()

    def instances_user_has_any_permission_for(self, user, actions):
        manager = self.model._default_manager
        return manager.all() if self.user_has_any_permission(user, actions) else manager.none()

    def users_with_any_permission(self, actions):
        users = get_user_model()._default_manager.filter(is_active=True)
        if READ not in actions:
            return users.none()
        return users.filter(Q(is_superuser=True) | Q(groups__name=conf.group_name())).distinct()

    def users_with_permission_for_instance(self, action, instance):
        return self.users_with_any_permission([action])


registration_policy = RegistrationPermissionPolicy(Registration)

"""Who may do what with submissions: the one rule every inbox screen, export and file obeys."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from wagtail.permission_policies import BasePermissionPolicy

from .models import FormSubmission, Inbox

# What a reader of an inbox may do with its submissions. Nobody adds a submission through
# the admin (visitors send them) and nobody deletes one there: deletion goes through
# privacy (retention, erasure), which removes files and logs the deletion.
READ = "view"
HANDLE = "handle"
READER_ACTIONS = frozenset({READ, HANDLE})


class SubmissionPermissionPolicy(BasePermissionPolicy):
    """Superusers and members of an inbox's group read and handle its submissions.

    Model permissions play no part (``FormSubmission`` declares none): being allowed to
    edit a form page, or to manage inboxes, never means reading the answers.
    """

    def inboxes_for_user(self, user) -> QuerySet[Inbox]:
        """The inboxes ``user`` reads."""
        if not user.is_authenticated or not user.is_active:
            return Inbox.objects.none()
        inboxes = Inbox.objects.select_related("group", "purpose").prefetch_related("names")
        if user.is_superuser:
            return inboxes
        return inboxes.filter(group__in=user.groups.all())

    def user_can_read_inbox(self, user, inbox: Inbox) -> bool:
        return self.inboxes_for_user(user).filter(pk=inbox.pk).exists()

    def user_has_permission(self, user, action):
        return action in READER_ACTIONS and self.inboxes_for_user(user).exists()

    def user_has_any_permission(self, user, actions):
        return any(action in READER_ACTIONS for action in actions) and (
            self.inboxes_for_user(user).exists()
        )

    def user_has_permission_for_instance(self, user, action, instance):
        return action in READER_ACTIONS and self.user_can_read_inbox(user, instance.inbox)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, action, instance) for action in actions
        )

    def instances_user_has_permission_for(self, user, action):
        if action not in READER_ACTIONS:
            return self.model._default_manager.none()
        return self.model._default_manager.filter(inbox__in=self.inboxes_for_user(user))

    def instances_user_has_any_permission_for(self, user, actions):
        if not any(action in READER_ACTIONS for action in actions):
            return self.model._default_manager.none()
        return self.instances_user_has_permission_for(user, READ)

    def users_with_any_permission(self, actions):
        users = get_user_model()._default_manager.filter(is_active=True)
        if not any(action in READER_ACTIONS for action in actions):
            return users.none()
        return users.filter(Q(is_superuser=True) | Q(groups__form_inboxes__isnull=False)).distinct()

    def users_with_permission_for_instance(self, action, instance):
        users = get_user_model()._default_manager.filter(is_active=True)
        if action not in READER_ACTIONS:
            return users.none()
        return users.filter(Q(is_superuser=True) | Q(groups=instance.inbox.group_id)).distinct()


submission_policy = SubmissionPermissionPolicy(FormSubmission)

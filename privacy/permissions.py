"""The two permission policies every admin screen of the plugins is built on.

Wagtail asks a model's registered policy (``wagtail.permissions.register_permission_policy``)
whether to show a menu item, a button or a view. Personal data is read by two kinds of
people, and each kind has one policy here:

- :class:`GroupOnlyPermissionPolicy`: membership of one named group decides, never a
  permission someone could tick on another group (recruiters read applications, organisers
  read registrations);
- :class:`ActionSubsetPermissionPolicy`: Django's model permissions decide, but only for
  some actions; the others are refused to everyone, superusers included (evidence is viewed,
  never edited).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from wagtail.permission_policies import BasePermissionPolicy, ModelPermissionPolicy

# The two actions of an area whose people read records and act on them (a status, a seat);
# nobody adds, edits or deletes such a record through the admin.
VIEW = "view"
CHANGE = "change"


class GroupOnlyPermissionPolicy(BasePermissionPolicy):
    """Active superusers and active members of one group may take ``actions``; nobody else,
    and nobody takes any other action.

    ``group`` returns the group's name (read from the app's ``conf.py`` on each call, so
    settings overridden in tests apply); ``None`` means superusers alone. By default members
    read (``VIEW``) and act (``CHANGE``).
    """

    def __init__(
        self,
        model,
        *,
        group: Callable[[], str] | None,
        actions: Iterable[str] = (VIEW, CHANGE),
    ):
        super().__init__(model)
        self.group = group
        self.actions = frozenset(actions)

    def user_is_member(self, user) -> bool:
        """Whether ``user`` (None and anonymous users included) belongs to the group.

        Asked once per request and user: the menu, the view and each of its links ask.
        """
        if user is None or not user.is_authenticated or not user.is_active:
            return False
        if user.is_superuser:
            return True
        if self.group is None:
            return False
        name = self.group()
        cache = getattr(user, "_privacy_group_member", None)
        if cache is None:
            cache = user._privacy_group_member = {}
        if name not in cache:
            cache[name] = user.groups.filter(name=name).exists()
        return cache[name]

    def member_required(self, user) -> None:
        """Refuse (``PermissionDenied``) anyone but a member: a service asks first, so that no
        screen calling it can forget the rule."""
        if not self.user_is_member(user):
            raise PermissionDenied

    def user_has_permission(self, user, action):
        return action in self.actions and self.user_is_member(user)

    def user_has_any_permission(self, user, actions):
        return not self.actions.isdisjoint(actions) and self.user_is_member(user)

    def users_with_any_permission(self, actions):
        users = get_user_model()._default_manager.filter(is_active=True)
        if self.actions.isdisjoint(actions):
            return users.none()
        members = Q(is_superuser=True)
        if self.group is not None:
            members |= Q(groups__name=self.group())
        return users.filter(members).distinct()


class ActionSubsetPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions for ``actions``; every other action refused to everyone.

    The add, edit and delete views of a viewset may exist (Wagtail builds them), yet nobody
    reaches them, superusers included, when the subset leaves them out.
    """

    def __init__(self, model, *, actions: Iterable[str], auth_model=None):
        super().__init__(model, auth_model=auth_model)
        self.actions = frozenset(actions)

    def user_has_permission(self, user, action):
        return action in self.actions and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        allowed = [action for action in actions if action in self.actions]
        if not allowed:
            return get_user_model()._default_manager.none()
        return super().users_with_any_permission(allowed)

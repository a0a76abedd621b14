"""The two permission policies the plugins' admin screens stand on: who passes, who does not.

Each kind of user (nobody, anonymous, an outsider, a member, an inactive member, a superuser)
against a group-only policy and an action-subset policy; and the apps' own predicates
(``careers.permissions.user_is_recruiter``, ``events.permissions.is_organiser``) answer
alike for the same kind of user, because both are the one policy's.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Group, Permission
from django.test import override_settings

from careers.permissions import user_is_recruiter
from events.permissions import is_organiser
from privacy.models import ConsentRecord
from privacy.permissions import ActionSubsetPermissionPolicy, GroupOnlyPermissionPolicy

pytestmark = pytest.mark.django_db

KINDS = ("none", "anonymous", "outsider", "member", "inactive member", "superuser")


def _user(kind, group_name):
    if kind == "none":
        return None
    if kind == "anonymous":
        return AnonymousUser()
    User = get_user_model()
    user = User.objects.create_user(kind.replace(" ", "-"), is_superuser=kind == "superuser")
    if kind in ("member", "inactive member"):
        user.groups.add(Group.objects.get_or_create(name=group_name)[0])
    if kind == "inactive member":
        user.is_active = False
        user.save()
    return user


@pytest.mark.parametrize("kind", KINDS)
def test_a_group_only_policy_lets_in_active_members_and_superusers(kind):
    policy = GroupOnlyPermissionPolicy(
        ConsentRecord, group=lambda: "Auditors", actions={"view", "change"}
    )
    user = _user(kind, "Auditors")
    inside = kind in ("member", "superuser")

    assert policy.user_is_member(user) is inside
    if user is not None:
        assert policy.user_has_permission(user, "view") is inside
        assert policy.user_has_any_permission(user, ["delete", "change"]) is inside
        # Actions outside the policy's set are nobody's, superusers' included.
        assert policy.user_has_permission(user, "delete") is False
        assert policy.user_has_any_permission(user, ["add", "delete"]) is False
        assert policy.instances_user_has_permission_for(user, "view").exists() is (
            inside and ConsentRecord.objects.exists()
        )
    readers = set(policy.users_with_permission("view"))
    assert (user in readers) is inside
    assert not policy.users_with_permission("delete").exists()


def test_a_group_only_policy_reads_the_group_name_when_asked():
    """The name comes from settings through the app's conf, so a site renames the group."""
    names = ["Auditors"]
    policy = GroupOnlyPermissionPolicy(ConsentRecord, group=lambda: names[0], actions={"view"})
    member = _user("member", "Reviewers")

    assert policy.user_is_member(member) is False
    names[0] = "Reviewers"
    member = get_user_model().objects.get(pk=member.pk)  # a new request, a new user object
    assert policy.user_is_member(member) is True


def test_a_group_only_policy_without_a_group_is_for_superusers_alone():
    policy = GroupOnlyPermissionPolicy(ConsentRecord, group=None, actions={"view", "delete"})
    superuser = _user("superuser", "")
    staff = get_user_model().objects.create_user("staff", is_staff=True)

    assert policy.user_has_permission(superuser, "delete") is True
    assert policy.user_has_permission(staff, "view") is False
    assert list(policy.users_with_permission("view")) == [superuser]


def test_an_action_subset_policy_grants_only_its_actions_even_to_superusers():
    policy = ActionSubsetPermissionPolicy(ConsentRecord, actions={"view"})
    superuser = _user("superuser", "")
    officer = _user("member", "Officers")
    officer.groups.get().permissions.set(
        Permission.objects.filter(codename__in=["view_consentrecord", "change_consentrecord"])
    )
    officer = get_user_model().objects.get(pk=officer.pk)
    outsider = _user("outsider", "")

    assert policy.user_has_permission(officer, "view") is True
    assert policy.user_has_permission(officer, "change") is False
    assert policy.user_has_permission(superuser, "delete") is False
    assert policy.user_has_any_permission(superuser, ["add", "change", "delete"]) is False
    assert policy.user_has_permission(outsider, "view") is False
    assert set(policy.users_with_permission("view")) == {officer, superuser}
    assert not policy.users_with_any_permission(["add", "change"]).exists()


@pytest.mark.parametrize("kind", KINDS)
@override_settings(CAREERS_RECRUITMENT_GROUP="Hiring", EVENTS_GROUP="Hiring")
def test_recruiters_and_organisers_are_decided_alike(kind):
    """``user_is_recruiter(None)`` and ``is_organiser(None)`` both say no; and for every other
    kind of user the two answer the same when their groups have the same members."""
    user = _user(kind, "Hiring")

    assert user_is_recruiter(user) is is_organiser(user) is (kind in ("member", "superuser"))

"""Users as the admin knows them: the one helper every app's tests make them with."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission


def make_user(username, *, groups=(), superuser=False, admin=True):
    """A user (password ``pw``) in ``groups``; ``admin`` lets them into the Wagtail admin."""
    User = get_user_model()
    user = User.objects.create_user(
        username, f"{username}@example.org", "pw", is_superuser=superuser, is_staff=superuser
    )
    if admin:
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    for group in groups:
        user.groups.add(group)
    return user

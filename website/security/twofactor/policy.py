"""Who must pass a second factor, and whether they have."""

from django.conf import settings
from django_otp import user_has_device


def enforced() -> bool:
    return bool(getattr(settings, "ADMIN_2FA_ENFORCED", False))


def required_for(user) -> bool:
    """True when this user may reach no admin view without a second factor.

    Members of ``ADMIN_2FA_GROUPS`` and (with ``ADMIN_2FA_SUPERUSERS``) superusers, when
    enforcement is on; ``Editors`` and ``Moderators`` are not listed by default: they may
    enrol, and are then asked for their factor like everyone else who has one.
    """
    if not getattr(user, "is_authenticated", False) or not enforced():
        return False
    if user.is_superuser and getattr(settings, "ADMIN_2FA_SUPERUSERS", True):
        return True
    groups = list(getattr(settings, "ADMIN_2FA_GROUPS", ()) or ())
    return bool(groups) and user.groups.filter(name__in=groups).exists()


def must_verify(user) -> bool:
    """True when the session still lacks the second factor this user must (or chose to) pass."""
    if not getattr(user, "is_authenticated", False):
        return False
    if getattr(user, "is_verified", lambda: False)():
        return False
    return has_device(user) or required_for(user)


def has_device(user) -> bool:
    return user_has_device(user, confirmed=True)

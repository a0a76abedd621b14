"""What several apps' demos do alike: a group with its permissions, an inbox, and a page of
their own where the home demo left a placeholder. Each is idempotent, as ``load_demo`` is."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.contrib.auth.models import Group, Permission
from wagtail.models import Page

from forms.models import Inbox, InboxName
from privacy.models import Purpose

Log = Callable[[str], None]

ACCESS_ADMIN = ("wagtailadmin", "access_admin")


def group_ensure(
    *, name: str, permissions: Iterable[tuple[str, str]] = (ACCESS_ADMIN,), log: Log
) -> Group:
    """The group ``name`` with at least ``permissions`` (``(app_label, codename)`` pairs).

    Permissions it holds already are kept: a site's administrators may have added some.
    """
    group, created = Group.objects.get_or_create(name=name)
    for app_label, codename in permissions:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is None:
            log(f"Permission {app_label}.{codename} is missing; run migrate first.")
            continue
        group.permissions.add(permission)
    if created:
        log(f"Created group {name!r}.")
    return group


def inbox_ensure(
    *,
    name: str,
    group: Group,
    purpose: Purpose,
    notification_address: str,
    log: Log,
    names: dict[str, str] | None = None,
) -> Inbox:
    """The inbox ``name``, with its ``names`` per language (``{"nl": ...}``); one that
    exists is left as its owners set it, and gets the names it lacks."""
    inbox, created = Inbox.objects.get_or_create(
        name=name,
        defaults={"group": group, "purpose": purpose, "notification_address": notification_address},
    )
    if created:
        log(f"Created inbox {name!r} for group {group.name!r}.")
    for language, translated in (names or {}).items():
        _name, added = InboxName.objects.get_or_create(
            inbox=inbox, language=language, defaults={"name": translated}
        )
        if added:
            log(f"Named inbox {name!r} in {language}: {translated!r}.")
    return inbox


def page_at_slug(*, parent: Page, slug: str, model: type[Page], log: Log) -> Page | None:
    """The ``model`` page at ``slug`` under ``parent``, or None when the slug is free.

    Another kind of page there is the home demo's placeholder (its "Contact" or "Vacatures"):
    it goes, with its translations, so the app's real page can take its place.
    """
    existing = parent.get_children().filter(slug=slug).first()
    if existing is None:
        return None
    if isinstance(existing.specific, model):
        return existing.specific
    for translation in existing.get_translations():
        translation.delete()
    existing.delete()
    log(f"Removed the placeholder page {existing.title!r} and its translations.")
    return None

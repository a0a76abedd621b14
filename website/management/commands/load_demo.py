"""Build the chamber's demo site, one app's content after the other.

The demo is the project's, not the plugins': each installed app has a module in ``DEMOS``
with ``load(*, log, translate)`` (``translate`` is :func:`website.demo.localize.translate`,
which translates a page or a snippet). Apps are visited in ``INSTALLED_APPS`` order, which
is also their dependency order (home, privacy, forms, careers, events), so no module needs
to know about the ones that come after it. Each ``load`` is idempotent, which makes the
command safe to run on every ``make run``.
"""

import secrets
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Site

from website.aliases import untranslated_aliases_unpublish
from website.demo.localize import call_to_action_link, translate
from website.demo.slugs import legacy_slugs_rename, translated_slugs_apply

# One demo account per staff group, so the tour in the README can be walked role by role.
# Each has a person's name: page history, notes and the requests' handlers show the full name,
# and a list of usernames would not look like the chamber's staff.
STAFF = (
    ("editor", "Editors", "Lotte", "Peeters"),
    ("moderator", "Moderators", "Pieter", "Janssens"),
    ("secretariat", "SECRETARIAT_GROUP", "Nathalie", "Dubois"),
    ("recruiter", "CAREERS_RECRUITMENT_GROUP", "Sofie", "Maes"),
    ("organiser", "EVENTS_GROUP", "Thomas", "Lambert"),
    ("privacy", "PRIVACY_OFFICERS_GROUP", "Elke", "Claes"),
)
STAFF_GROUP_DEFAULTS = {
    "SECRETARIAT_GROUP": "Secretariat",
    "CAREERS_RECRUITMENT_GROUP": "Recruitment",
    "EVENTS_GROUP": "Events",
    "PRIVACY_OFFICERS_GROUP": "Privacy officers",
}

DEMOS = {
    "home": "home.demo",
    "privacy": "website.demo.privacy",
    "forms": "website.demo.forms",
    "careers": "website.demo.careers",
    "events": "website.demo.events",
}


class Command(BaseCommand):
    help = "Create or update the demo site in nl, fr and en (safe to run repeatedly)."

    def handle(self, *args, **options):
        # An earlier demo's pages take their Dutch slugs before the demos look them up.
        with transaction.atomic():
            legacy_slugs_rename(log=self._log)
        for config in apps.get_app_configs():
            if config.name not in DEMOS:
                continue
            module = import_module(DEMOS[config.name])
            with transaction.atomic():
                module.load(log=self._log, translate=translate)
        if apps.is_installed("forms"):
            # Made by home's demo before forms' demo made the page it leads to.
            with transaction.atomic():
                call_to_action_link(title="Word lid", slug="lidmaatschap", log=self._log)
        with transaction.atomic():
            translated_slugs_apply(log=self._log)
        # A database the tree sync filled before untranslated copies stayed drafts.
        with transaction.atomic():
            untranslated_aliases_unpublish(log=self._log)
        if settings.DEBUG:
            self._ensure_admin()
            self._ensure_staff()
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
        site = Site.objects.filter(is_default_site=True).first()
        if site is not None:
            self.stdout.write(
                f"The site is served at {site.root_url}/ (admin: {site.root_url}/admin/)."
            )

    def _log(self, message: str) -> None:
        self.stdout.write(f"  {message}")

    def _ensure_admin(self) -> None:
        User = get_user_model()
        if User.objects.filter(username="admin").exists():
            self.stdout.write("Superuser 'admin' already exists (password unchanged).")
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", "admin@example.org", password)
        self.stdout.write(
            self.style.WARNING(f"Created superuser 'admin' with password: {password}")
        )

    def _ensure_staff(self) -> None:
        """One account per staff group (``editor``, ``moderator``, ...), with a printed password
        and a person's name (given to an account an earlier demo made without one)."""
        User = get_user_model()
        for username, group_name, first_name, last_name in STAFF:
            group_name = getattr(
                settings, group_name, STAFF_GROUP_DEFAULTS.get(group_name, group_name)
            )
            group = Group.objects.filter(name=group_name).first()
            if group is None:
                continue
            if User.objects.filter(username=username).exists():
                User.objects.filter(username=username, first_name="", last_name="").update(
                    first_name=first_name, last_name=last_name
                )
                self.stdout.write(f"Account {username!r} ({group_name}) already exists.")
                continue
            password = secrets.token_urlsafe(12)
            user = User.objects.create_user(
                username,
                f"{username}@example.org",
                password,
                first_name=first_name,
                last_name=last_name,
            )
            user.groups.add(group)
            self.stdout.write(
                self.style.WARNING(
                    f"Created {group_name} account {username!r} with password: {password}"
                )
            )

"""Compile the project's .po catalogues into .mo files without GNU gettext.

``compilemessages`` needs ``msgfmt`` from the system, which a fresh machine may lack;
polib (already a dependency of wagtail-localize) writes the same binary catalogues, so
``make`` needs nothing beyond the virtualenv.
"""

from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile the .po files under LOCALE_PATHS and the project's own apps into .mo files."

    def handle(self, *args, **options):
        compiled = 0
        for locale_path in self.locale_paths():
            for po_path in sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
                compiled += 1
        self.stdout.write(f"Compiled {compiled} catalogue(s).")

    @staticmethod
    def locale_paths() -> list[Path]:
        """LOCALE_PATHS, then the ``locale`` folder of every app at the top of this project.

        Installed packages (Wagtail, wagtail-localize) ship compiled catalogues; the apps here
        keep their own, so that each can be installed into another site with its translations.
        """
        base = Path(settings.BASE_DIR).resolve()
        app_paths = [
            Path(config.path) / "locale"
            for config in apps.get_app_configs()
            if Path(config.path).resolve().parent == base
        ]
        return [Path(p) for p in settings.LOCALE_PATHS] + [p for p in app_paths if p.is_dir()]

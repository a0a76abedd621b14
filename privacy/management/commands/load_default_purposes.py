"""``manage.py load_default_purposes``: the purposes the installed plugins need, as data.

Creates only what is missing (in the site's languages where the data has them), so it is safe
to run after every deployment; editors' changes to loaded purposes are kept.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from privacy.services.purposes import purposes_load_defaults


class Command(BaseCommand):
    help = "Create the installed plugins' default purposes that are missing."

    def add_arguments(self, parser):
        parser.add_argument(
            "app_labels", nargs="*", help="Only these apps' purposes (default: every app)."
        )

    def handle(self, *args, app_labels, **options):
        with transaction.atomic():
            created = purposes_load_defaults(app_labels=app_labels or None)
        self.stdout.write(f"{created} purpose rows created.")

"""Answer a subject access request: everything held about one e-mail address, in a zip."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from privacy.services import subject_export


class Command(BaseCommand):
    help = (
        "Export everything held about an e-mail address, from every model that declares "
        "personal data, as data.json plus the files themselves in a zip."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument(
            "--output",
            help="Zip file to write (default: privacy-export-<timestamp>.zip here).",
        )

    def handle(self, *args, email, output=None, **options):
        try:
            export = subject_export(email=email)
        except ValidationError as error:
            raise CommandError(error.messages[0]) from error

        target = output or f"privacy-export-{timezone.now():%Y%m%d-%H%M%S}.zip"
        path = export.write_zip(target)
        if export.is_empty:
            self.stdout.write(
                self.style.WARNING(
                    f"Nothing is held about {export.email}; wrote an empty export to {path}."
                )
            )
            return
        for label, count in export.counts.items():
            self.stdout.write(f"  {label}: {count} row(s)")
        self.stdout.write(
            self.style.SUCCESS(
                f"Exported {sum(export.counts.values())} row(s) and {len(export.files)} "
                f"file(s) about {export.email} to {path}."
            )
        )

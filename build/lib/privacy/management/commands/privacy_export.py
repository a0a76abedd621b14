"""Answer a subject access request: everything held about one e-mail address, in a zip."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, no_translations
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

    @staticmethod
    def _check_target(target: Path) -> None:
        if target.is_dir():
            raise CommandError(
                f"--output {target} is a folder; give the path of the zip file to write."
            )
        if not target.parent.is_dir():
            raise CommandError(
                f"The folder {target.parent} does not exist; create it first or choose "
                "another --output."
            )

    # Operators and cron read English whatever LANGUAGE_CODE is; messages from services
    # (e.g. a malformed address) would otherwise come out in the site's language.
    @no_translations
    def handle(self, *args, email, output=None, **options):
        try:
            export = subject_export(email=email)
        except ValidationError as error:
            raise CommandError(error.messages[0]) from error

        target = Path(output or f"privacy-export-{timezone.now():%Y%m%d-%H%M%S}.zip")
        self._check_target(target)
        try:
            path = export.write_zip(target)
        except OSError as error:
            raise CommandError(f"Could not write {target}: {error}") from error
        if export.unreadable_files:
            for unreadable in export.unreadable_files:
                self.stderr.write(f"  unreadable: {unreadable['file']} ({unreadable['error']})")
            # An incomplete answer to an access request must not look like success.
            raise CommandError(
                f"Wrote {path}, but {len(export.unreadable_files)} file(s) could not be read "
                "from storage; they are listed in data.json. Run the export again when "
                "storage is back."
            )
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

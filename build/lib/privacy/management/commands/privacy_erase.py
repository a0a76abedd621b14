"""Honour an erasure request: delete every row and file held about one e-mail address.

Consent proofs stay, with the address replaced by its keyed hash (see the README)."""

import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, no_translations

from privacy.services import normalise_email, subject_counts, subject_erase


class Command(BaseCommand):
    help = (
        "Erase everything held about an e-mail address, files included; consent proofs stay "
        "with the address replaced by a keyed hash, and counts in the deletion log."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument(
            "--yes", action="store_true", help="Do not ask for confirmation (for scripts)."
        )

    # Operators and cron read English whatever LANGUAGE_CODE is; messages from services
    # (e.g. a malformed address) would otherwise come out in the site's language.
    @no_translations
    def handle(self, *args, email, yes=False, **options):
        try:
            counts = subject_counts(email=email)
        except ValidationError as error:
            raise CommandError(error.messages[0]) from error
        subject = normalise_email(email)

        if not counts:
            self.stdout.write(
                self.style.WARNING(f"Nothing is held about {subject}; nothing erased.")
            )
            return
        for label, count in counts.items():
            self.stdout.write(f"  {label}: {count} row(s)")
        if not yes:
            self._confirm(subject)

        report = subject_erase(email=subject)
        for outcome in report.outcomes:
            self.stdout.write(
                f"  removed {outcome.model}: {outcome.total_rows} row(s), "
                f"{outcome.total_files} file(s)"
            )
        if not report.ok:
            for outcome in report.outcomes:
                for message in outcome.error_messages:
                    self.stderr.write(f"  {message}")
            raise CommandError(
                f"{report.errors} row(s) kept because their files could not be deleted; "
                "run the command again when storage is back."
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Erased {report.rows} row(s) and {report.files} file(s) about {subject}."
            )
        )
        if report.hashed:
            self.stdout.write(
                f"Kept {report.hashed} consent proof(s) with the address replaced by a keyed hash."
            )

    def _confirm(self, subject: str) -> None:
        if not sys.stdin.isatty():
            raise CommandError("Refusing to erase without confirmation: pass --yes.")
        answer = input(f"Erase all of this about {subject}? Type 'yes' to continue: ")
        if answer.strip().lower() != "yes":
            raise CommandError("Cancelled; nothing erased.")

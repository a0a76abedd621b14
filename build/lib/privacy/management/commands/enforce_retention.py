"""Delete every row whose purpose's retention has ended; meant to run daily from a scheduler."""

from django.core.management.base import BaseCommand, CommandError, no_translations

from privacy.services import retention_enforce
from privacy.services.deletion import DEFAULT_BATCH_SIZE


class Command(BaseCommand):
    help = (
        "Delete expired rows of every model that declares personal data, files first, in "
        "batches. Exits non-zero when a file could not be deleted (its row is kept and "
        "retried on the next run)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be deleted; delete nothing."
        )
        parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)

    # Operators and cron read English whatever LANGUAGE_CODE is; messages from services
    # (e.g. a malformed address) would otherwise come out in the site's language.
    @no_translations
    def handle(self, *args, dry_run=False, batch_size=DEFAULT_BATCH_SIZE, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        interactive = self.stdout.isatty()
        report = retention_enforce(
            dry_run=dry_run,
            batch_size=batch_size,
            on_model=self._progress if interactive else None,
        )
        verb = "would delete" if dry_run else "deleted"
        for outcome in report.outcomes:
            line = (
                f"{outcome.model}: {verb} {outcome.total_rows} row(s), "
                f"{outcome.total_files} file(s)"
            )
            if outcome.total_errors:
                line += f", kept {outcome.total_errors} after errors"
            self.stdout.write(line)
            for message in outcome.error_messages:
                self.stderr.write(f"  {message}")
        hashed_verb = "would hash" if dry_run else "hashed"
        self.stdout.write(
            f"privacy.ConsentRecord: {hashed_verb} the address of {report.hashed} proof(s) "
            "whose subject holds no other data"
        )
        if not report.ok:
            raise CommandError(
                f"{report.errors} expired row(s) kept because their files could not be "
                "deleted; they are marked and the next run retries them."
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Retention {'dry run' if dry_run else 'run'} {report.run_id}: {verb} "
                f"{report.rows} row(s) and {report.files} file(s)."
            )
        )

    def _progress(self, registration, total):
        if not total:
            return None
        done = 0
        label = registration.label

        def advance(count: int) -> None:
            nonlocal done
            done += count
            width = 30
            filled = width * done // total
            self.stdout.write(
                f"\r{label}: [{'#' * filled}{'.' * (width - filled)}] {done}/{total}",
                ending="\n" if done >= total else "",
            )
            self.stdout.flush()

        return advance

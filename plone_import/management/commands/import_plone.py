"""``manage.py import_plone SOURCE``: a Plone export into this Wagtail site."""

from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from ...importer import ImportError_, Options
from ...services import plone_import_run
from ...source import SourceError


def _language_pair(value: str) -> tuple[str, str]:
    plone, sep, wagtail = value.partition("=")
    if not sep or not plone or not wagtail:
        raise CommandError(f"--language {value!r}: write it as PLONE=WAGTAIL, e.g. nl-be=nl.")
    return plone.strip(), wagtail.strip()


class Command(BaseCommand):
    help = (
        "Import a Plone export (collective.exportimport or plone.exportimport; a folder, a ZIP "
        "or a JSON file): pages, files, images, translations, forms and old URLs."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="The export: a folder, a .zip or a .json file.")
        parser.add_argument("--dry-run", action="store_true", help="Report only; write nothing.")
        parser.add_argument(
            "--language",
            action="append",
            default=[],
            metavar="PLONE=WAGTAIL",
            help="Map a Plone language code to a Wagtail locale (repeatable).",
        )
        parser.add_argument(
            "--default-language",
            default="",
            metavar="CODE",
            help="Language of items without one (default: the site's default locale).",
        )
        parser.add_argument(
            "--under",
            type=int,
            default=None,
            metavar="PAGE_ID",
            help="Put the tree under this page (and its translations) instead of the homes.",
        )
        parser.add_argument(
            "--submissions",
            action="store_true",
            help="Import forms' saved data as submissions (off by default).",
        )
        parser.add_argument("--inbox", default="", help="Name of the inbox imported forms use.")
        parser.add_argument(
            "--purpose", default="", help="Key of the purpose imported forms state."
        )
        parser.add_argument(
            "--report", default="", metavar="FILE", help="Write the report as JSON."
        )

    def handle(self, *args, **options):
        opts = Options(
            dry_run=options["dry_run"],
            languages=dict(_language_pair(value) for value in options["language"]),
            default_language=options["default_language"],
            under=options["under"],
            submissions=options["submissions"],
            inbox=options["inbox"],
            purpose=options["purpose"],
        )
        progress = self._progress if sys.stderr.isatty() and options["verbosity"] > 0 else None
        try:
            run, report = plone_import_run(
                source=options["source"], options=opts, progress=progress
            )
        except (SourceError, ImportError_) as error:
            raise CommandError(str(error)) from error
        if progress:
            self.stderr.write("")
        if options["report"]:
            with open(options["report"], "w", encoding="utf-8") as handle:
                json.dump(report, handle, indent=2, ensure_ascii=False, default=str)
        if options["verbosity"] > 0:
            if opts.dry_run:
                self.stdout.write("Dry run: nothing was written.")
            for line in _summary(report):
                self.stdout.write(line)
            for error in report["errors"]:
                self.stdout.write(f"  error: {error['path']}: {error['message']}")
        errors = report["totals"]["errors"]
        if errors:
            raise CommandError(f"{errors} item(s) were skipped for errors; see the report.")

    def _progress(self, done: int, total: int) -> None:
        width = 40
        filled = int(width * done / total) if total else width
        self.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending="")
        self.stderr.flush()


def _summary(report: dict) -> list[str]:
    from ...report import OUTCOMES

    lines = [f"{'type':<20} " + " ".join(f"{o:>9}" for o in OUTCOMES)]
    for kind, counts in report["per_type"].items():
        lines.append(f"{kind:<20} " + " ".join(f"{counts.get(o, 0):>9}" for o in OUTCOMES))
    lines.append(f"{'total':<20} " + " ".join(f"{report['totals'][o]:>9}" for o in OUTCOMES))
    redirects = report["redirects"]
    lines.append(
        f"Redirects: {redirects.get('created', 0)} created, {redirects.get('updated', 0)} updated."
    )
    if report["translations"]:
        lines.append(f"Translation groups linked: {report['translations'].get('groups', 0)}.")
    if report["unresolved_links"]:
        lines.append(f"Links that could not be resolved: {len(report['unresolved_links'])}.")
    lines.append(
        f"Members not imported: {report['members_not_imported']} (staff accounts are made by "
        "hand, with a second factor)."
    )
    if report["submissions"]:
        subs = report["submissions"]
        lines.append(
            f"Submissions imported: {subs.get('imported', 0)}; the next enforce_retention deletes "
            f"{subs.get('expired', 0)} already past their period."
        )
    return lines

"""The importer's one entry point with side effects, for the command and any other caller."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .importer import Importer, Options
from .models import ImportRun
from .source import open_source


def plone_import_run(
    *, source: str | Path, options: Options, progress: Callable[[int, int], None] | None = None
) -> tuple[ImportRun, dict]:
    """Import the export at ``source``; returns the run (unsaved on a dry run) and its report.

    Raises :class:`plone_import.source.SourceError` when ``source`` is no Plone export and
    :class:`plone_import.importer.ImportError_` when the run cannot start.
    """
    export = open_source(source)
    try:
        run = Importer(export, options, progress=progress).run()
    finally:
        export.close()
    return run, run.report

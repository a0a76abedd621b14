"""How an import run or one of its items stops; the run reports the reason and goes on."""


class ImportError_(Exception):  # noqa: N801 - "ImportError" is Python's own
    """The run cannot start (no page model set, an unknown --under page, no locale)."""


class Deferred(Exception):
    """The item's parent comes later in the export: try again after the others."""


class ItemError(Exception):
    """The item cannot be imported; the message says why, the rest goes on."""

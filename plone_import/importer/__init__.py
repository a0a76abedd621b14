"""The import itself: an index pass, the items in order, then links, order and translations.

Use :func:`plone_import.services.plone_import_run`; the command is a thin shell around it.
"""

from .run import Importer, ImportError_, Options

__all__ = ["ImportError_", "Importer", "Options"]

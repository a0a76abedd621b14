"""Reading an export: which format it is, its items one at a time, its side files and blobs.

Nothing here loads a whole export: items are read one file at a time (plone.exportimport,
collective.exportimport's one file per item) or streamed from the JSON list with ijson.
"""

from .readers import BlobMissing, Entry, ExportSource, SourceError, open_source

__all__ = ["BlobMissing", "Entry", "ExportSource", "SourceError", "open_source"]

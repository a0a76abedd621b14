"""Storage for personal files (CVs, attachments) on a local disk."""

from django.core.files.storage import FileSystemStorage


class PrivateFileSystemStorage(FileSystemStorage):
    """A folder outside ``MEDIA_ROOT`` whose files have no URL at all.

    Django's ``FileSystemStorage`` falls back to ``MEDIA_URL`` when ``base_url`` is None, so
    ``url()`` would hand out a ``/media/...`` address that looks public. Personal files are
    only ever streamed by a view that checks who asks, so asking for a URL is a bug.
    """

    def url(self, name):
        raise NotImplementedError("Private files have no URL; stream them through a view.")

"""Storage for personal files (CVs, attachments) on a local disk."""

from django.core.files.storage import FileSystemStorage, Storage, storages


class PrivateFileSystemStorage(FileSystemStorage):
    """A folder outside ``MEDIA_ROOT`` whose files have no URL at all.

    Django's ``FileSystemStorage`` falls back to ``MEDIA_URL`` when ``base_url`` is None, so
    ``url()`` would hand out a ``/media/...`` address that looks public. Personal files are
    only ever streamed by a view that checks who asks, so asking for a URL is a bug.
    """

    def url(self, name):
        raise NotImplementedError("Private files have no URL; stream them through a view.")


class _PrivateStorageAlias(Storage):
    """The ``private`` storage alias, looked up on every use.

    Django evaluates a FileField's storage callable once, at start-up; this stand-in
    forwards each call to ``storages["private"]`` instead, so a changed ``STORAGES`` setting
    (S3 configured in a test, a settings override) reaches files already declared.
    """

    def __getattribute__(self, name):
        if name == "__class__":
            return object.__getattribute__(self, name)
        return getattr(storages["private"], name)


_private_storage = _PrivateStorageAlias()


def private_storage():
    """``storage=private_storage`` on a FileField keeps its files in ``STORAGES["private"]``."""
    return _private_storage

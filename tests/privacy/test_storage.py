import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages


def test_private_files_are_kept_outside_media_and_have_no_url(settings):
    storage = storages["private"]
    name = storage.save("cv.pdf", ContentFile(b"%PDF-1.4 private"))

    assert storage.exists(name)
    assert not storage.path(name).startswith(str(settings.MEDIA_ROOT))
    with pytest.raises(NotImplementedError):
        storage.url(name)

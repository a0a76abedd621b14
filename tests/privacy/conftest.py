"""Fixtures for the privacy engine: dossiers of the test app with real files on disk."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from tests.privacy.testapp.models import Attachment, Dossier, UnreliableStorage


@pytest.fixture(autouse=True)
def storage_up():
    UnreliableStorage.down = UnreliableStorage.reads_down = False
    yield
    UnreliableStorage.down = UnreliableStorage.reads_down = False


@pytest.fixture
def make_dossier(db):
    """A dossier with a document on the private storage and one attachment."""

    def make(email="ann@example.org", *, expired=True, purpose_key="job-application", files=True):
        now = timezone.now()
        dossier = Dossier.objects.create(
            email=email,
            name="Ann",
            secret_note="internal",
            purpose_key=purpose_key,
            retain_until=now - timedelta(days=1) if expired else now + timedelta(days=30),
        )
        if files:
            dossier.document.save("cv.pdf", ContentFile(b"%PDF cv of " + email.encode()))
            attachment = Attachment(dossier=dossier)
            attachment.file.save("letter.txt", ContentFile(b"letter"))
        return dossier

    return make


def file_exists(field_file) -> bool:
    return bool(field_file.name) and field_file.storage.exists(field_file.name)

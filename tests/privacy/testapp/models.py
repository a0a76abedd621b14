"""A dossier with a document and attachments: personal data the way other apps hold it."""

from django.core.files.storage import FileSystemStorage, storages
from django.db import models

from privacy.registry import Retention
from privacy.vocabulary import RetentionEnd

# The end a membership's rows serve, in this app's words: the privacy core names none.
MEMBERSHIP_END = RetentionEnd(
    value="membership-end",
    label="End of the membership",
    until="Until the membership ends.",
    after="%(duration)s after the membership ends.",
)


def private_storage():
    return storages["private"]


class UnreliableStorage(FileSystemStorage):
    """A file system storage that can be switched to fail deletions (``down``) or reads
    (``reads_down``), like a storage outage."""

    down = False
    reads_down = False

    def delete(self, name):
        if type(self).down:
            raise OSError("storage unavailable")
        super().delete(name)

    def _open(self, name, mode="rb"):
        if type(self).reads_down:
            raise PermissionError("storage refused the read")
        return super()._open(name, mode)


unreliable_storage = UnreliableStorage()


class Dossier(models.Model):
    email = models.EmailField(db_index=True)
    name = models.CharField(max_length=100)
    secret_note = models.CharField(max_length=100, blank=True)
    purpose_key = models.CharField(max_length=64, default="job-application")
    document = models.FileField(storage=private_storage, upload_to="dossiers/", blank=True)
    retain_until = models.DateTimeField(null=True, db_index=True)

    class PersonalData:
        subject = "email"
        files = ("document", "attachments__file")
        purpose = "purpose_key"
        expired = "retain_until"
        export_exclude = ("secret_note",)

    def __str__(self):
        return self.name


class Attachment(models.Model):
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(storage=unreliable_storage, upload_to="attachments/")

    def __str__(self):
        return self.file.name


class Invoice(models.Model):
    """Holds on to a dossier (PROTECT), as bookkeeping records do."""

    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="invoices")

    def __str__(self):
        return f"Invoice {self.pk}"


class Membership(models.Model):
    """A record kept under a purpose whose date the privacy core computes (``retention``)."""

    email = models.EmailField(db_index=True)
    purpose_key = models.CharField(max_length=64)
    started_at = models.DateTimeField()
    decided_at = models.DateTimeField(null=True)
    ended_at = models.DateTimeField(null=True)
    retain_until = models.DateTimeField(null=True)

    class PersonalData:
        subject = "email"
        purpose = "purpose_key"
        expired = "retain_until"
        retention = Retention(started="started_at", decided="decided_at", ended="ended_at")

    def __str__(self):
        return self.email


class Candidacy(models.Model):
    """A row kept per outcome once decided, and also for a second purpose while it is set."""

    email = models.EmailField(db_index=True)
    purpose_key = models.CharField(max_length=64)
    started_at = models.DateTimeField()
    decided_at = models.DateTimeField(null=True)
    outcome = models.CharField(max_length=16, blank=True)
    pool_since = models.DateTimeField(null=True)
    retain_until = models.DateTimeField(null=True)

    class PersonalData:
        subject = "email"
        purpose = "purpose_key"
        expired = "retain_until"
        retention = Retention(
            started="started_at",
            decided="decided_at",
            outcome="outcome",
            also=(("pool", "pool_since"),),
        )

    def __str__(self):
        return self.email

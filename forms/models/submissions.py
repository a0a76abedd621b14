"""What visitors sent: answers, files and the record of who downloaded which file."""

from __future__ import annotations

import uuid
from dataclasses import replace

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from privacy.models import logged_expired
from privacy.registry import Retention
from privacy.storage import private_storage as privacy_private_storage

from ..files import FileKind
from ..scan import ScanStatus
from .records import submission_files_expired, submissions_trim


def private_storage():
    """The ``private`` storage (privacy's alias), named here as the migrations know it."""
    return privacy_private_storage()


def submission_retention() -> Retention:
    """The rules every submission is kept by, for the privacy core's one computation: from
    the submission, its handling or the end of what it is for, as its inbox's purpose says,
    extended by each form page type with the rules of the rows it adds to its submissions
    (:meth:`forms.models.AbstractFormPage.submission_retention`). Read once, at start-up."""
    from .base_page import form_page_models

    retention = Retention(started="submitted_at", decided="handled_at", ended="ends_at")
    for model in form_page_models():
        extended = model.submission_retention(retention)
        if retention.outcome and extended.outcome != retention.outcome:
            raise ImproperlyConfigured(
                f"{model._meta.label}.submission_retention: submissions already take their "
                f"outcome from '{retention.outcome}'."
            )
        retention = replace(extended, also=tuple(dict.fromkeys(extended.also)))
    return retention


def attachment_key(instance: SubmissionFile, filename: str) -> str:
    """A random object key: the visitor's file name stays in the database only."""
    return f"forms/{timezone.now():%Y/%m}/{uuid.uuid4().hex}"


class FormSubmission(models.Model):
    """One filled-in form of any :class:`AbstractFormPage` subclass, filed under the form's
    source-language page.

    Deliberately not Wagtail's ``FormSubmission``: page editors reach those through the
    stock "Forms" menu, while these belong to the inbox's group alone. Registered personal
    data (``PersonalData`` below), so export, erasure and retention cover it and its files.
    """

    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("form"),
        help_text=_("The form in its source language, shared by all its translations."),
    )
    translation_page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("page filled in"),
    )
    form_title = models.CharField(_("form title"), max_length=255)
    inbox = models.ForeignKey(
        "forms.Inbox", on_delete=models.PROTECT, related_name="submissions", verbose_name=_("inbox")
    )
    locale = models.CharField(_("language"), max_length=16)
    answers = models.JSONField(_("answers"), encoder=DjangoJSONEncoder, default=dict)
    subject_email = models.EmailField(_("e-mail"), blank=True, db_index=True)
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now, db_index=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("handled by"),
    )
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    ends_at = models.DateTimeField(
        _("ends at"),
        null=True,
        blank=True,
        help_text=_("The end of what the submission is for: the event, the vacancy's closing."),
    )
    retain_until = models.DateTimeField(_("kept until"), null=True, db_index=True)

    class PersonalData:
        subject = "subject_email"
        files = ("attachments__file",)
        purpose = "inbox__purpose__key"
        expired = "retain_until"
        # The privacy core computes ``retain_until`` from the purpose: from the submission,
        # from its handling, from the end of what it is for (the page's
        # ``submission_ends_at``), or while the subject's consent to the purpose stands; and
        # from what the page types add (an application's outcome, the talent pool).
        retention = staticmethod(submission_retention)
        # Kept for a further purpose alone (the talent pool), it keeps only what that
        # purpose needs (``AbstractFormPage.submission_keeps``).
        trim = staticmethod(submissions_trim)

    class Meta:
        verbose_name = _("form submission")
        verbose_name_plural = _("form submissions")
        ordering = ["-submitted_at", "-pk"]
        # Read through the inbox's group, never through model permissions.
        default_permissions = ()

    def __str__(self) -> str:
        return f"{self.form_title} #{self.pk}"

    @property
    def is_handled(self) -> bool:
        return self.handled_at is not None

    @property
    def title_seen(self) -> str:
        """The form's title as the person saw it: the page they filled in, in their
        language; the title stored with the submission once that page is gone."""
        page = self.translation_page
        return page.title if page is not None else self.form_title

    def page_filled_in(self):
        """The page the person filled in, in their language (as its own type); None once
        it is gone. Mails and pages about the submission speak from it."""
        page = self.translation_page
        return page.specific if page is not None else None


class SubmissionFile(models.Model):
    """An uploaded file, kept in the ``private`` storage under a random key."""

    submission = models.ForeignKey(
        FormSubmission, on_delete=models.CASCADE, related_name="attachments"
    )
    field_key = models.CharField(_("field"), max_length=64)
    file = models.FileField(
        _("file"), storage=private_storage, upload_to=attachment_key, max_length=255
    )
    original_name = models.CharField(_("file name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=8, choices=FileKind.choices)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    scan_status = models.CharField(
        _("virus scan"), max_length=16, choices=ScanStatus.choices, default=ScanStatus.OFF
    )

    class PersonalData:
        subject = "submission__subject_email"
        purpose = "submission__inbox__purpose__key"
        files = ("file",)
        expired = staticmethod(submission_files_expired)

    class Meta:
        verbose_name = _("submitted file")
        verbose_name_plural = _("submitted files")
        ordering = ["pk"]
        default_permissions = ()

    def __str__(self) -> str:
        return self.original_name


class FileDownloadLog(models.Model):
    """Who downloaded which submitted file, when: kept when the file itself is gone.

    Holds ids rather than the file's name, which may itself be personal data.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    username = models.CharField(_("user"), max_length=150)
    file = models.ForeignKey(
        SubmissionFile, on_delete=models.SET_NULL, null=True, related_name="downloads"
    )
    file_pk = models.PositiveBigIntegerField(_("file id"))
    submission_pk = models.PositiveBigIntegerField(_("submission id"))
    downloaded_at = models.DateTimeField(_("downloaded at"), default=timezone.now, db_index=True)

    class PersonalData:
        # The staff member's, and who saw whose file: kept for the access logs' period
        # (the ``access-logs`` purpose), then deleted by retention.
        subject = "username"
        expired = staticmethod(logged_expired("downloaded_at"))

    class Meta:
        verbose_name = _("file download")
        verbose_name_plural = _("file downloads")
        ordering = ["-downloaded_at", "-pk"]
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"{self.username} {self.file_pk} {self.downloaded_at:%Y-%m-%d %H:%M}"

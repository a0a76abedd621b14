"""What each import run did, and what each Plone UID became.

The UID table makes a run repeatable: an item whose checksum is unchanged is left alone, a
changed one updates the object it made before, and nothing is made twice.
"""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportRun(models.Model):
    """One run of ``import_plone``: its source, options, counts and full report."""

    class Status(models.TextChoices):
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        ERRORS = "errors", _("Done, with items skipped for errors")
        FAILED = "failed", _("Failed")

    source = models.CharField(_("source"), max_length=500)
    export_format = models.CharField(_("export format"), max_length=40, blank=True)
    options = models.JSONField(_("options"), default=dict)
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.RUNNING
    )
    created = models.PositiveIntegerField(_("created"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    skipped = models.PositiveIntegerField(_("skipped"), default=0)
    errors = models.PositiveIntegerField(_("errors"), default=0)
    warnings = models.PositiveIntegerField(_("warnings"), default=0)
    report = models.JSONField(_("report"), default=dict)

    class Meta:
        verbose_name = _("Plone import")
        verbose_name_plural = _("Plone imports")
        ordering = ["-started_at", "-pk"]
        # Runs are made by the command and read by superusers alone; nobody edits them.
        default_permissions = ()

    def __str__(self) -> str:
        return f"{self.source} ({self.started_at:%Y-%m-%d %H:%M})"


class ImportedItem(models.Model):
    """A Plone item (by UID) and the Wagtail object it became, with a checksum of the item.

    ``target`` is a page, a document, an image or a redirect; a default page points at its
    folder's page, a language root at its locale's home page.
    """

    uid = models.CharField(_("Plone UID"), max_length=64, unique=True)
    portal_type = models.CharField(_("Plone type"), max_length=100)
    path = models.CharField(_("Plone path"), max_length=1000)
    language = models.CharField(_("language"), max_length=16, blank=True)
    checksum = models.CharField(_("checksum"), max_length=64)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, null=True, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(null=True)
    target = GenericForeignKey("content_type", "object_id")
    run = models.ForeignKey(
        ImportRun, on_delete=models.SET_NULL, null=True, related_name="items", verbose_name=_("run")
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("imported item")
        verbose_name_plural = _("imported items")
        indexes = [models.Index(fields=["content_type", "object_id"])]
        default_permissions = ()

    def __str__(self) -> str:
        return f"{self.portal_type} {self.path}"

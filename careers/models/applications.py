"""Applications: the recruitment side of a form submission, its history and HR's notes."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forms.models import RecordNote, SubmissionRecord, colleague_fields, follows_submission

from ..constants import DECISIONS, ApplicationStatus


class Application(SubmissionRecord):
    """One application: a :class:`forms.models.FormSubmission` of an application form page,
    with where it stands in the recruitment workflow.

    This record adds the status, the decision and the talent-pool consent the retention
    rules depend on. It follows its submission, whose one date the privacy core computes
    with the rules application pages add (:meth:`ApplicationFormPage.submission_retention`):
    per outcome after a decision, from the vacancy's end otherwise, and as long as the
    talent-pool consent lasts when that is later.
    """

    vacancy = models.ForeignKey(
        "careers.VacancyPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("vacancy"),
        help_text=_("The vacancy in its source language; empty for a spontaneous application."),
    )
    vacancy_title = models.CharField(_("vacancy"), max_length=255)
    applicant_name = models.CharField(_("name"), max_length=255, blank=True, db_index=True)
    locale = models.CharField(_("language"), max_length=16)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.NEW,
        db_index=True,
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now, db_index=True)
    status_changed_at = models.DateTimeField(_("status changed at"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    talent_pool_since = models.DateTimeField(
        _("in the talent pool since"),
        null=True,
        blank=True,
        help_text=_("When the candidate consented to the talent pool, or last renewed it."),
    )
    talent_pool_reminded_at = models.DateTimeField(
        _("talent-pool renewal asked at"), null=True, blank=True
    )

    # Follows its submission: one date for the answers, the files and this row.
    PersonalData = follows_submission(files=("submission__attachments__file",))

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-submitted_at", "-pk"]
        # Read and changed through the Recruitment group's rule, never model permissions.
        default_permissions = ()
        indexes = [models.Index(fields=["vacancy", "status"])]

    def __str__(self) -> str:
        return f"{self.vacancy_title} #{self.pk}"

    def admin_url(self) -> str:
        """The application in the recruitment area, which only the Recruitment group opens."""
        from django.urls import reverse

        return reverse("careers_recruitment:application", args=[self.pk])

    @property
    def is_decided(self) -> bool:
        return self.status in DECISIONS

    @property
    def in_talent_pool(self) -> bool:
        return self.talent_pool_since is not None


class ApplicationStatusChange(models.Model):
    """Who moved an application from one status to another, and when; goes with it."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(
        _("from"), max_length=16, choices=ApplicationStatus.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=16, choices=ApplicationStatus.choices)
    changed_by, changed_by_name = colleague_fields(_("changed by"))
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)
    rejection_sent = models.BooleanField(_("rejection e-mail sent"), default=False)
    # The rejection e-mail in the outbox, waiting out the grace period HR may undo it in.
    rejection_mail = models.ForeignKey(
        "privacy.OutgoingMail",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("rejection e-mail"),
    )

    # HR's record of the application itself: it goes when the application's own period
    # ends, even while the talent pool keeps the CV and contact details.
    PersonalData = follows_submission("application__submission", own_period=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["changed_at", "pk"]
        default_permissions = ()

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"


class ApplicationNote(RecordNote):
    """HR's note on an application (forms' record note), deleted with it."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="notes")

    PersonalData = follows_submission("application__submission", own_period=True)

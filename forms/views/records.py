"""The admin page of one submission, in the inbox or in an app's own area.

A page type that keeps a row with each submission (careers' application) shows that row in
its own admin area, to its own readers, with the submission's answers, purposes and files as
the inbox shows them: its view subclasses :class:`SubmissionInspectView`, names the
submission and where its files open, and its template extends
``forms/admin/submission_detail.html``, filling the blocks that page leaves open. What its
readers do to the record (cancel it on the person's behalf, move it on) is a
:class:`RecordActionView`.
"""

from __future__ import annotations

from dataclasses import replace

from django import forms
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .. import selectors
from ..models import FormSubmission, SubmissionFile


class SubmissionInspectView(generic.InspectView):
    """Answers labelled in the reader's language, purposes as chosen, files with their
    (logged) download links; the object's own facts come from the template."""

    template_name = "forms/admin/submission_detail.html"

    def get_submission(self) -> FormSubmission:
        return self.object

    def get_file_url(self, attachment: SubmissionFile) -> str:
        # The inbox's logged download; an area with readers of its own names its own.
        return reverse("forms_inboxes:download", args=[attachment.pk])

    def get_fields(self):
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        submission = self.get_submission()
        attachments = selectors.submission_files_for_reader(submission, url=self.get_file_url)
        # A file's answer is its name: it opens the file, through the same logged download.
        urls = {attachment.field_key: attachment.download_url for attachment in attachments}
        context.update(
            submission=submission,
            answers=[
                replace(answer, url=urls.get(answer.key, ""))
                for answer in selectors.submission_answers_for_reader(submission)
            ],
            consents=selectors.submission_consents(submission),
            attachments=attachments,
        )
        return context


class RecordActionView(WagtailAdminTemplateMixin, FormView):
    """A reader's action on one submission record (a registration cancelled on the person's
    behalf): GET asks, saying what will happen, and only the button (POST) acts; then back
    to the record's page (``record.admin_url()``).

    Subclasses find the record (:meth:`get_record`) and act (:meth:`act`: call the service,
    return what happened, shown as a success message). A refusal it raises
    (``ValidationError``, or one of ``refusals``) is shown above the button, and nothing
    changes. ``form_class`` adds fields to fill in first; by default there are none.
    """

    form_class = forms.Form
    template_name = "forms/admin/record_action.html"
    refusals: tuple[type[Exception], ...] = ()
    button = ""

    @cached_property
    def record(self):
        return self.get_record()

    def get_record(self):
        raise NotImplementedError

    def get_consequence(self) -> str:
        return ""

    def act(self, **cleaned_data) -> str:
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            record=self.record,
            consequence=self.get_consequence(),
            button=self.button,
            back_url=self.record.admin_url(),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            message = self.act(**form.cleaned_data)
        except (ValidationError, *self.refusals) as refusal:
            form.add_error(None, refusal if isinstance(refusal, ValidationError) else str(refusal))
            return self.form_invalid(form)
        messages.success(self.request, message)
        return redirect(self.record.admin_url())

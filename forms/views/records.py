"""The admin page of one submission, in the inbox or in an app's own area.

A page type that keeps a row with each submission (careers' application) shows that row in
its own admin area, to its own readers, with the submission's answers, purposes and files as
the inbox shows them: its view subclasses :class:`SubmissionInspectView`, names the
submission and where its files open, and its template extends
``forms/admin/submission_detail.html``, filling the blocks that page leaves open.
"""

from __future__ import annotations

from dataclasses import replace

from wagtail.admin.views import generic

from .. import selectors
from ..models import FormSubmission, SubmissionFile


class SubmissionInspectView(generic.InspectView):
    """Answers labelled in the reader's language, purposes as chosen, files with their
    (logged) download links; the object's own facts come from the template."""

    template_name = "forms/admin/submission_detail.html"

    def get_submission(self) -> FormSubmission:
        return self.object

    def get_file_url(self, attachment: SubmissionFile) -> str:
        raise NotImplementedError

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

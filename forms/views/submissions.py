"""One submission: reading it, marking it handled, downloading its files (logged)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.views.generic.base import BaseOperationView

from .. import services
from ..models import FormSubmission, SubmissionFile, submission_record
from ..permissions import HANDLE, READ, submission_policy
from ..selectors import inbox_submissions
from .records import SubmissionInspectView


class SubmissionDetailView(SubmissionInspectView):
    """One submission as its inbox's reader needs it: answers, purposes, files, status.

    A submission an app keeps a record of (an application, a registration) is read in that
    app's area alone: its link here (an older notice, a bookmark) leads there, where the
    app's own readers are let in and everyone else is refused.
    """

    model = FormSubmission
    any_permission_required = [READ]
    index_url_name = edit_url_name = delete_url_name = None
    header_icon = "mail"

    def get_object(self, queryset=None):
        submission = (
            submission_policy.instances_user_has_permission_for(self.request.user, READ)
            .select_related("inbox", "handled_by")
            .filter(pk=self.pk)
            .first()
        )
        if submission is None:
            raise PermissionDenied
        return submission

    def get(self, request, *args, **kwargs):
        record = submission_record(self.object)
        if record is not None:
            return redirect(record.admin_url())
        return super().get(request, *args, **kwargs)

    def get_page_title(self):
        return str(self.object)

    def get_page_subtitle(self):
        return str(self.object.inbox)

    def get_breadcrumbs_items(self):
        inbox = self.object.inbox
        return self.breadcrumbs_items + [
            {"url": reverse("forms_inboxes:index"), "label": _("Inboxes")},
            {"url": reverse("forms_inboxes:submissions", args=[inbox.pk]), "label": str(inbox)},
            {"url": "", "label": str(self.object)},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_handle"] = submission_policy.user_has_permission_for_instance(
            self.request.user, HANDLE, self.object
        )
        return context

    def get_file_url(self, attachment):
        return reverse("forms_inboxes:download", args=[attachment.pk])


class SubmissionHandleView(BaseOperationView):
    """Marks one submission handled (POST only), for a reader of its inbox."""

    model = FormSubmission
    success_message = gettext_lazy("Marked as handled.")
    http_method_names = ["post"]

    def get_object(self):
        # An application or a registration is handled in its app's area, in its own steps.
        submission = (
            inbox_submissions(
                submission_policy.instances_user_has_permission_for(self.request.user, HANDLE)
            )
            .filter(pk=self.pk)
            .first()
        )
        if submission is None:
            raise PermissionDenied
        return submission

    def perform_operation(self):
        if not self.object.is_handled:
            services.submission_mark_handled(submission=self.object, user=self.request.user)

    def get_success_url(self):
        return reverse("forms_inboxes:submission", args=[self.object.pk])


def attachment_download(request, pk):
    """Stream a submitted file from private storage to a reader of its inbox; logged.

    A plain view rather than a viewset's: it answers with the file, not a page.
    """
    attachment = (
        SubmissionFile.objects.select_related("submission__inbox")
        .filter(
            submission__in=submission_policy.instances_user_has_permission_for(request.user, READ)
        )
        .filter(pk=pk)
        .first()
    )
    if attachment is None:
        raise PermissionDenied
    return services.file_response(attachment=attachment, user=request.user)

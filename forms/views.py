"""Admin views of the inboxes: thin; permission checks and reads come from selectors.

Every view answers 403 to a user outside the inbox's group, whatever else they may edit.
"""

from __future__ import annotations

import csv

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import selectors, services
from .constants import PERMISSION_VIEW_DOWNLOAD_LOG
from .models import FormSubmission, Inbox, SubmissionFile


def _inbox_for(request, pk) -> Inbox:
    inbox = get_object_or_404(Inbox, pk=pk)
    if not inbox.readable_by(request.user):
        raise PermissionDenied
    return inbox


def _submission_for(request, pk) -> FormSubmission:
    submission = get_object_or_404(FormSubmission.objects.select_related("inbox"), pk=pk)
    if not submission.inbox.readable_by(request.user):
        raise PermissionDenied
    return submission


class InboxAdminView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "mail"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("forms_inboxes:index"), "label": gettext_lazy("Inboxes")}
        ]


class InboxIndexView(InboxAdminView):
    template_name = "forms/admin/inbox_index.html"
    page_title = gettext_lazy("Inboxes")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["inboxes"] = selectors.inboxes_with_counts(self.request.user)
        context["can_audit"] = self.request.user.has_perm(PERMISSION_VIEW_DOWNLOAD_LOG)
        return context


class InboxSubmissionsView(InboxAdminView):
    template_name = "forms/admin/submission_index.html"

    def dispatch(self, request, *args, **kwargs):
        self.inbox = _inbox_for(request, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.inbox.name

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        submissions = self.inbox.submissions.select_related("handled_by")
        status = self.request.GET.get("status")
        if status == "open":
            submissions = submissions.filter(handled_at__isnull=True)
        elif status == "handled":
            submissions = submissions.filter(handled_at__isnull=False)
        paginator = Paginator(submissions, 50)
        context.update(
            inbox=self.inbox,
            status=status,
            page_obj=paginator.get_page(self.request.GET.get("p")),
        )
        return context


class SubmissionDetailView(InboxAdminView):
    template_name = "forms/admin/submission_detail.html"

    def dispatch(self, request, *args, **kwargs):
        self.submission = _submission_for(request, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return str(self.submission)

    def get_breadcrumbs_items(self):
        inbox = self.submission.inbox
        return super().get_breadcrumbs_items() + [
            {"url": reverse("forms_inboxes:submissions", args=[inbox.pk]), "label": inbox.name}
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            submission=self.submission,
            answers=selectors.submission_answers(self.submission),
            attachments=self.submission.attachments.all(),
        )
        return context


class DownloadLogView(InboxAdminView):
    """Who downloaded which submitted file, when: for auditors, not for the inboxes' readers."""

    template_name = "forms/admin/download_log.html"
    page_title = gettext_lazy("File downloads")

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION_VIEW_DOWNLOAD_LOG):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        paginator = Paginator(selectors.download_log(self.request.user), 100)
        context["page_obj"] = paginator.get_page(self.request.GET.get("p"))
        return context


@require_POST
def submission_handle(request, pk):
    submission = _submission_for(request, pk)
    if not submission.is_handled:
        services.submission_mark_handled(submission=submission, user=request.user)
        messages.success(request, _("Marked as handled."))
    return redirect("forms_inboxes:submission", pk=submission.pk)


class _Echo:
    def write(self, value):
        return value


def inbox_export(request, pk):
    """All of an inbox's submissions as CSV, streamed row by row."""
    inbox = _inbox_for(request, pk)
    writer = csv.writer(_Echo())
    rows = selectors.export_rows(inbox, inbox.submissions.order_by("submitted_at", "pk"))
    response = StreamingHttpResponse(
        (writer.writerow(row) for row in rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="inbox-{inbox.pk}.csv"'
    return response


def attachment_download(request, pk):
    """Stream a submitted file from private storage to a reader of its inbox; logged."""
    attachment = get_object_or_404(
        SubmissionFile.objects.select_related("submission__inbox"), pk=pk
    )
    if not attachment.submission.inbox.readable_by(request.user):
        raise PermissionDenied
    try:
        handle = attachment.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404(_("The file is no longer stored.")) from None
    services.file_download_log(attachment=attachment, user=request.user)
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.original_name,
        content_type="application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response

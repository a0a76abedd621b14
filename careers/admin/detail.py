"""One application: reading it, opening its files, moving it through the workflow, a note.

Each view finds the application among ``careers.selectors.applications_for_user``, none for
a user who is not a recruiter: a missing application and one not theirs get the same 404,
so nobody outside the group learns whether an application exists. The
services decide (recruiters only, the workflow's rules); these views show and report.
"""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from forms.services import file_response
from forms.views.records import (
    RecordActionView,
    RecordButtonView,
    RecordNoteAddView,
    RecordNoteForm,
    SubmissionInspectView,
)

from .. import conf, selectors, services
from ..constants import ApplicationStatus, next_statuses
from ..models import Application


def application_or_404(request, pk) -> Application:
    return get_object_or_404(selectors.applications_for_user(user=request.user), pk=pk)


class StatusChangeForm(forms.Form):
    """Offers only the statuses the workflow allows next (``careers.constants.next_statuses``).

    A rejection is confirmed on a page of its own (``confirm``), the only place that offers
    the rejection e-mail; a decided application is offered one step: reopening it.
    """

    status = forms.ChoiceField(label=gettext_lazy("New status"), widget=forms.RadioSelect)
    confirm = forms.BooleanField(required=False, widget=forms.HiddenInput)
    send_rejection = forms.BooleanField(
        label=gettext_lazy("Send the rejection e-mail"),
        required=False,
        help_text=gettext_lazy(
            "The applicant receives it in their language, %(minutes)s minutes after you "
            "confirm; until then you can undo the rejection and it is not sent."
        ),
    )

    def __init__(self, *args, application, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["send_rejection"].help_text %= {"minutes": conf.rejection_grace_minutes()}
        if application.is_decided:
            self.fields["status"].choices = [
                (ApplicationStatus.IN_REVIEW.value, _("Back to “In review”"))
            ]
            return
        self.fields["status"].choices = [
            (status.value, status.label) for status in next_statuses(application.status)
        ]

    def needs_confirmation(self) -> bool:
        return (
            self.cleaned_data["status"] == ApplicationStatus.REJECTED
            and not self.cleaned_data["confirm"]
        )


class ApplicationDetailView(SubmissionInspectView):
    """The submission's answers, purposes and files, with the status, history and notes."""

    model = Application
    template_name = "careers/admin/application_detail.html"
    index_url_name = "careers_recruitment:index"
    # Checked in get_object with a 404, not Wagtail's permission redirect (which would
    # differ between an application that exists and one that does not).
    any_permission_required = None

    def get_object(self, queryset=None):
        return application_or_404(self.request, self.pk)

    def get_file_url(self, attachment):
        return reverse("careers_recruitment:download", args=[self.object.pk, attachment.pk])

    def get_page_title(self):
        return self.object.applicant_name or str(self.object)

    def get_page_subtitle(self):
        return self.object.vacancy_title

    def get_context_data(self, **kwargs):
        application = self.object
        undoable = services.application_rejection_undoable(application=application)
        return super().get_context_data(
            application=application,
            history=application.status_changes.select_related("changed_by"),
            notes=application.notes.select_related("author"),
            # Every status has a next step: a decision may be reopened.
            status_form=StatusChangeForm(application=application),
            note_form=RecordNoteForm(),
            undoable=undoable,
            undo_until=undoable.changed_at + timedelta(minutes=conf.rejection_grace_minutes())
            if undoable
            else None,
            **kwargs,
        )


class ApplicationFormView(RecordActionView):
    """A recruiter's form on one application (forms' confirm-then-act screen), found among
    the user's own applications: every other user gets a 404 whatever they send."""

    def get_record(self):
        return application_or_404(self.request, self.kwargs["pk"])

    def get_page_subtitle(self):
        return self.record.applicant_name or str(self.record)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("careers_recruitment:index"), "label": _("Applications")},
            {"url": self.record.admin_url(), "label": self.get_page_subtitle()},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(application=self.record, **kwargs)


class StatusChangeView(ApplicationFormView):
    """The workflow step: the allowed next statuses, and for a rejection the e-mail choice."""

    template_name = "careers/admin/application_status.html"
    form_class = StatusChangeForm
    page_title = gettext_lazy("Change the status")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "application": self.record}

    def form_valid(self, form):
        if form.needs_confirmation():
            # Rejecting asks first, and only here offers the e-mail.
            confirm = StatusChangeForm(
                initial={"status": ApplicationStatus.REJECTED, "confirm": True},
                application=self.record,
            )
            return TemplateResponse(
                self.request,
                "careers/admin/application_reject.html",
                self.get_context_data(form=confirm, page_title=_("Reject the application")),
            )
        return super().form_valid(form)

    def act(self, *, status, send_rejection, confirm) -> str:
        services.application_status_change(
            application=self.record,
            status=status,
            user=self.request.user,
            send_rejection=send_rejection,
        )
        label = ApplicationStatus(status).label
        if send_rejection and status == ApplicationStatus.REJECTED:
            return _(
                "Status changed to “%(status)s”; the rejection e-mail leaves in %(minutes)s "
                "minutes unless you undo it."
            ) % {"status": label, "minutes": conf.rejection_grace_minutes()}
        return _("Status changed to “%(status)s”.") % {"status": label}

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class RejectionUndoView(ApplicationFormView, RecordButtonView):
    """Undoes a rejection within its grace period, stopping its e-mail."""

    def act(self) -> str:
        services.application_rejection_undo(application=self.record, user=self.request.user)
        return _("The rejection is undone; no e-mail was sent.")


class NoteAddView(ApplicationFormView, RecordNoteAddView):
    """HR's note, through the service that lets recruiters alone write one."""

    def note_add(self, *, text):
        services.application_note_add(application=self.record, user=self.request.user, text=text)


@never_cache
def application_file_download(request, pk: int, file_pk: int):
    """One file of one application for a recruiter (forms' logged download); 404 otherwise."""
    attachment = get_object_or_404(
        application_or_404(request, pk).submission.attachments, pk=file_pk
    )
    return file_response(attachment=attachment, user=request.user)

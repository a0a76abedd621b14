"""One application: reading it, moving it through the workflow, adding a note.

Each view finds the application through ``careers.selectors.application_for_user``, which
answers None both for a missing application and for a user who is not a recruiter: both get
the same 404, so nobody outside the group learns whether an application exists.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from forms.selectors import (
    submission_answers_for_reader,
    submission_consents,
    submission_files_for_reader,
)

from .. import selectors, services
from ..constants import ApplicationStatus, next_statuses
from ..models import Application
from .forms import NoteForm, StatusChangeForm


def application_or_404(request, pk) -> Application:
    application = selectors.application_for_user(user=request.user, pk=pk)
    if application is None:
        raise Http404
    return application


def breadcrumbs(application: Application | None = None, *extra: dict) -> list[dict]:
    items = [{"url": reverse("careers_recruitment:index"), "label": _("Applications")}]
    if application is not None:
        items.append(
            {
                "url": reverse("careers_recruitment:application", args=[application.pk]),
                "label": str(application.applicant_name or application),
            }
        )
    return items + list(extra)


class ApplicationDetailView(generic.InspectView):
    """Answers (labels in the reader's language), purposes as chosen, files, history, notes."""

    model = Application
    template_name = "careers/admin/application_detail.html"
    # Checked in get_object with a 404, not Wagtail's permission redirect (which would
    # differ between an application that exists and one that does not).
    any_permission_required = None

    def get_object(self, queryset=None):
        return application_or_404(self.request, self.pk)

    def get_fields(self):
        return []

    def get_page_title(self):
        return self.object.applicant_name or str(self.object)

    def get_page_subtitle(self):
        return self.object.vacancy_title

    def get_breadcrumbs_items(self):
        return (
            self.breadcrumbs_items
            + breadcrumbs(self.object)[:1]
            + [{"url": "", "label": self.get_page_title()}]
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        application = self.object
        submission = application.submission
        context.update(
            application=application,
            submission=submission,
            answers=submission_answers_for_reader(submission),
            consents=submission_consents(submission),
            attachments=submission_files_for_reader(
                submission,
                url=lambda a: reverse("careers_recruitment:download", args=[application.pk, a.pk]),
            ),
            history=selectors.application_history(application=application).select_related(None),
            notes=selectors.application_notes(application=application),
            status_form=StatusChangeForm(application=application)
            if next_statuses(application.status)
            else None,
            note_form=NoteForm(),
        )
        return context


class StatusChangeView(WagtailAdminTemplateMixin, FormView):
    """The workflow step: the allowed next statuses, and for a rejection the e-mail choice.

    ``careers.services.application_status_change`` decides (recruiters only, the workflow's
    rules); this view shows the form and reports the outcome.
    """

    template_name = "careers/admin/application_status.html"
    form_class = StatusChangeForm
    header_icon = "user"
    page_title = gettext_lazy("Change the status")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.pk = kwargs["pk"]

    def dispatch(self, request, *args, **kwargs):
        self.application = application_or_404(request, self.pk)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.application.applicant_name or str(self.application)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + breadcrumbs(
            self.application, {"url": "", "label": self.get_page_title()}
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "application": self.application}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            application=self.application,
            current_status=ApplicationStatus(self.application.status).label,
        )
        return context

    def form_valid(self, form):
        try:
            services.application_status_change(
                application=self.application,
                status=form.cleaned_data["status"],
                user=self.request.user,
                send_rejection=form.cleaned_data["send_rejection"],
            )
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        status = ApplicationStatus(form.cleaned_data["status"]).label
        if form.cleaned_data["send_rejection"]:
            messages.success(
                self.request,
                _("Status changed to “%(status)s”; the rejection e-mail is on its way.")
                % {"status": status},
            )
        else:
            messages.success(
                self.request, _("Status changed to “%(status)s”.") % {"status": status}
            )
        return redirect("careers_recruitment:application", self.application.pk)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class NoteAddView(StatusChangeView):
    """Adds a note (POST); an empty note is refused with a message and stores nothing."""

    form_class = NoteForm
    http_method_names = ["post"]

    def get_form_kwargs(self):
        return FormView.get_form_kwargs(self)

    def form_valid(self, form):
        try:
            services.application_note_add(
                application=self.application, user=self.request.user, text=form.cleaned_data["text"]
            )
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            messages.error(self.request, " ".join(error.messages))
        else:
            messages.success(self.request, _("Note added."))
        return redirect("careers_recruitment:application", self.application.pk)

    def form_invalid(self, form):
        messages.error(self.request, _("A note cannot be empty."))
        return redirect("careers_recruitment:application", self.application.pk)

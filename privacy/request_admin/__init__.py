"""Admin for data-subject requests: privacy officers list, inspect and handle them.

Only users with the request permissions (the ``Privacy officers`` group) and superusers see
them. Nobody adds or deletes a request through the admin: they come from the request page,
and retention removes them three years after closure. Each step is a Wagtail log entry,
shown in the request's history.
"""

from __future__ import annotations

import tempfile

import django_filters
from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.log_actions import log
from wagtail.log_actions import registry as log_registry
from wagtail.permissions import register_permission_policy

from .. import conf
from ..models import DataSubjectRequest, RequestKind
from ..permissions import ActionSubsetPermissionPolicy
from ..selectors import requests_by_deadline
from ..services import requests as services
from ..services.subjects import subject_counts
from .panel import DEADLINE_CHOICES, RequestDeadlinesPanel
from .replies import RequestReplyViews

LOG_ACTIONS = {
    "privacy.request.confirm": (_("Confirm request"), _("Address confirmed by the requester")),
    "privacy.request.export": (_("Download export"), _("Export downloaded")),
    "privacy.request.answer": (_("Send answer"), _("Answer sent with a download link")),
    "privacy.request.erase": (_("Erase data"), _("Requester's data erased")),
    "privacy.request.reply": (_("Reply"), _("Reply sent to the requester")),
    "privacy.request.close": (_("Close request"), _("Request closed")),
    "privacy.request.remind": (_("Remind officers"), _("Officers reminded of the due date")),
    "privacy.request.recipients": (
        _("Tell recipients"),
        _("Recipients told of the erasure or rectification"),
    ),
}


@hooks.register("insert_global_admin_css")
def request_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("privacy/admin.css"))


@hooks.register("register_log_actions")
def register_request_log_actions(actions):
    for action, (label, message) in LOG_ACTIONS.items():
        actions.register_action(action, label, message)


def warning_days() -> int:
    return conf.request_warning_days()


# View and change by permission; adding and deleting by nobody, superusers included.
REQUEST_POLICY = ActionSubsetPermissionPolicy(DataSubjectRequest, actions={"view", "change"})
register_permission_policy(DataSubjectRequest, REQUEST_POLICY, exact_class=True)


class DeadlineColumn(Column):
    """The due date, flagged when it is near or passed, so nothing is answered late."""

    cell_template_name = "privacy/admin/deadline_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        days = instance.days_left()
        context.update(
            due_date=instance.due_date,
            days_left=days,
            overdue=days is not None and days < 0,
            near=days is not None and 0 <= days <= warning_days(),
        )
        return context


class RequestFilterSet(WagtailFilterSet):
    deadline = django_filters.ChoiceFilter(
        label=_("Deadline"),
        choices=DEADLINE_CHOICES,
        method="filter_deadline",
        empty_label=_("All"),
    )
    due_date = django_filters.DateFromToRangeFilter(label=_("Due date"))

    class Meta:
        model = DataSubjectRequest
        fields = ["status", "kind"]

    def filter_deadline(self, queryset, name, value):
        return requests_by_deadline(queryset, value)


class RequestEditView(generic.EditView):
    """Saving goes through the service so closing a request starts its retention."""

    def save_instance(self):
        instance = self.form.instance
        instance = services.request_set_status(
            request=instance, status=instance.status, user=self.request.user
        )
        log(instance=instance, action="wagtail.edit", user=self.request.user)
        return instance


class RequestIndexView(generic.IndexView):
    """A request's title opens its handling screen, not the edit form."""

    def get_edit_url(self, instance):
        return None


class RequestInspectView(generic.InspectView):
    """The handling screen: the request, its deadline, its history, the actions of its kind."""

    template_name = "privacy/admin/request_inspect.html"
    #: {"export": url name, ...}, given by the viewset.
    action_url_names: dict[str, str] = {}

    @property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        # Nothing is shown or done for a sender who has not proven the address.
        if not self.user_has_permission("change") or not self.object.is_confirmed:
            return buttons
        for name, label, icon, priority in self.actions():
            url = reverse(self.action_url_names[name], args=[self.object.pk])
            buttons.append(HeaderButton(label, url=url, icon_name=icon, priority=priority))
        return buttons

    def actions(self):
        """The actions that fit the request's kind; replying (and refusing) fits every kind."""
        kind = self.object.kind
        if kind == RequestKind.ACCESS:
            yield "readable", _("Readable answer"), "doc-full", 25
        if kind in (RequestKind.ACCESS, RequestKind.PORTABILITY):
            yield "answer", _("Send answer"), "mail", 30
        yield "export", _("Download export"), "download", 20
        if kind == RequestKind.ERASURE:
            yield "erase", _("Erase data"), "bin", 40
        if kind in (RequestKind.ERASURE, RequestKind.RECTIFICATION):
            yield "recipients", _("Tell recipients"), "mail", 45
        yield "reply", _("Reply"), "mail", 35
        if self.object.is_open:
            yield "close", _("Close request"), "success", 50

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return "—" if value is None or value == "" else value

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["answers"] = self.object.answers.order_by("-created_at")
        context["replies"] = self.object.replies.select_related("sent_by")
        context["history"] = log_registry.get_logs_for_instance(self.object).select_related("user")
        context["days_left"] = self.object.days_left()
        context["warning_days"] = warning_days()
        if self.object.kind in (RequestKind.ERASURE, RequestKind.RECTIFICATION):
            from ..services.recipients import request_recipients

            context["recipients"] = request_recipients(request=self.object)
            context["show_recipients"] = True
        return context


class DataSubjectRequestViewSet(RequestReplyViews, ModelViewSet):
    model = DataSubjectRequest
    icon = "user"
    menu_label = _("Data requests")
    menu_order = 801
    name = "data_requests"
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    search_backend_name = None
    search_fields = ["email", "message"]
    filterset_class = RequestFilterSet
    form_fields = ["status", "handled_by"]
    index_view_class = RequestIndexView
    edit_view_class = RequestEditView
    inspect_view_class = RequestInspectView
    list_display = [
        "__str__",
        "kind",
        "email",
        "status",
        DeadlineColumn("due_date", label=_("Due date"), sort_key="due_date"),
        "created_at",
        "handled_by",
    ]
    inspect_view_fields = [
        "kind",
        "email",
        "message",
        "locale",
        "status",
        "created_at",
        "confirmed_at",
        "due_date",
        "handled_by",
        "closed_at",
        "restricted_at",
        "restriction_lifted_at",
        "retain_until",
    ]

    def get_inspect_view_kwargs(self, **kwargs):
        names = {
            name: self.get_url_name(name)
            for name in ("export", "answer", "erase", "reply", "close", "readable", "recipients")
        }
        return super().get_inspect_view_kwargs(action_url_names=names, **kwargs)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("export/<int:pk>/", self.export_view, name="export"),
            path("answer/<int:pk>/", self.answer_view, name="answer"),
            path("erase/<int:pk>/", self.erase_view, name="erase"),
            *self.reply_urlpatterns(),
        ]

    def _object_for_change(self, request, pk) -> DataSubjectRequest:
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        return get_object_or_404(DataSubjectRequest, pk=pk)

    def _refuse_unconfirmed(self, request, data_request):
        """Export, answer and erasure wait until the sender has confirmed the address:
        anyone can type someone else's address into the form."""
        if data_request.is_confirmed:
            return None
        messages.error(
            request,
            _("The sender has not confirmed the address yet; nothing can be shown or done."),
        )
        return redirect(self._inspect_url(data_request.pk))

    def _inspect_url(self, pk) -> str:
        return reverse(self.get_url_name("inspect"), args=[pk])

    def _confirm_page(self, request, data_request, *, action, counts, **extra):
        heading = _("Erase data") if action == "erase" else _("Send answer")
        inspect_url = self._inspect_url(data_request.pk)
        context = {
            "data_request": data_request,
            "action": action,
            "inspect_url": inspect_url,
            # Model names as officers read them, not as the registry labels them.
            "counts": {
                capfirst(apps.get_model(label)._meta.verbose_name_plural): count
                for label, count in counts.items()
            },
            "header_title": f"{heading}: {data_request}",
            "header_icon": self.icon,
            "breadcrumbs_items": [
                {"url": reverse(self.get_url_name("index")), "label": self.menu_label},
                {"url": inspect_url, "label": str(data_request)},
                {"url": "", "label": heading},
            ],
            **extra,
        }
        return TemplateResponse(request, "privacy/admin/request_confirm_action.html", context)

    def export_view(self, request, pk):
        """The requester's export as a ZIP, for the officer to check; the download is logged."""
        data_request = self._object_for_change(request, pk)
        if refusal := self._refuse_unconfirmed(request, data_request):
            return refusal
        directory = tempfile.mkdtemp(prefix="privacy-export-")
        zip_path = services.request_export_download(
            request=data_request, user=request.user, directory=directory
        )
        # The temporary file goes once streamed: the handle is open, so unlinking is safe
        # on POSIX and leaves no copy of the data behind.
        handle = zip_path.open("rb")
        zip_path.unlink()
        zip_path.parent.rmdir()
        return FileResponse(
            handle,
            as_attachment=True,
            filename=f"request-{data_request.pk}-export.zip",
            content_type="application/zip",
        )

    def answer_view(self, request, pk):
        data_request = self._object_for_change(request, pk)
        if refusal := self._refuse_unconfirmed(request, data_request):
            return refusal
        if request.method == "POST":
            services.request_answer_send(
                request=data_request,
                user=request.user,
                note=request.POST.get("note", "")[:5000],
            )
            messages.success(request, _("The answer was sent with a download link."))
            return redirect(self._inspect_url(pk))
        return self._confirm_page(
            request,
            data_request,
            action="answer",
            counts=subject_counts(email=data_request.email),
            link_days=services.answer_days(),
        )

    def erase_view(self, request, pk):
        data_request = self._object_for_change(request, pk)
        if refusal := self._refuse_unconfirmed(request, data_request):
            return refusal
        if request.method == "POST":
            report = services.request_erase(request=data_request, user=request.user)
            if report.ok:
                messages.success(
                    request,
                    _("Erased %(rows)d records and %(files)d files.")
                    % {"rows": report.rows, "files": report.files},
                )
            else:
                messages.error(
                    request,
                    _("Some files could not be deleted; see the retention failures."),
                )
            return redirect(self._inspect_url(pk))
        counts = subject_counts(email=data_request.email)
        counts.pop(DataSubjectRequest._meta.label, None)
        return self._confirm_page(request, data_request, action="erase", counts=counts)


@hooks.register("register_admin_viewset")
def register_request_viewset():
    return DataSubjectRequestViewSet()


@hooks.register("construct_homepage_panels")
def add_request_deadlines_panel(request, panels):
    """Only those who handle requests see their deadlines on the dashboard."""
    if REQUEST_POLICY.user_has_permission(request.user, "view"):
        panels.append(RequestDeadlinesPanel())

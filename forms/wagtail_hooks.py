"""Admin wiring: the Inboxes menu, its viewsets, the dashboard panel, and guards on the form.

Submissions are read under "Inboxes", by the inbox's group only (see ``permissions``).
Wagtail's stock "Forms" menu lists form pages to whoever may edit them, so form pages of
this app are filtered out of it: editing a form never means reading its answers.
"""

from django.contrib.contenttypes.models import ContentType
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from privacy.permissions import ActionSubsetPermissionPolicy
from privacy.viewsets import ReadOnlyViewSet

from . import selectors, views
from .admin_ui import InboxesPanel, MarkHandledBulkAction
from .constants import RATE_SCOPE
from .models import AbstractFormPage, FileDownloadLog, FormSubmission, Inbox, form_page_models
from .permissions import submission_policy
from .ratelimit import rate_limited

register_permission_policy(FormSubmission, submission_policy, exact_class=True)
# The download log is evidence: viewed by permission, never edited.
register_permission_policy(
    FileDownloadLog,
    ActionSubsetPermissionPolicy(FileDownloadLog, actions={"view"}),
    exact_class=True,
)


class SubmissionViewSet(ReadOnlyViewSet):
    """Reading inboxes: the inboxes, each inbox's submissions, one submission, its files.

    Only the views a reader needs exist: submissions arrive from visitors, and leave
    through privacy's retention and erasure, which delete files and log the deletion.
    """

    model = FormSubmission
    name = "forms_inboxes"
    url_prefix = "inboxes"
    icon = "mail"
    menu_label = _("Submissions")
    menu_order = 100
    index_view_class = views.InboxIndexView
    # Reading is decided by the inbox's group, not by a permission to tick.
    own_views = True

    listings = ("submissions",)
    screens = [
        ("", views.InboxIndexView, "index"),
        ("<int:inbox_pk>/", views.SubmissionIndexView, "submissions"),
        ("submissions/<int:pk>/", views.SubmissionDetailView, "submission"),
        ("submissions/<int:pk>/handle/", views.SubmissionHandleView, "handle"),
        ("files/<int:pk>/", views.attachment_download, "download"),
    ]


class DownloadLogViewSet(ReadOnlyViewSet):
    """The file download log: read-only, for holders of ``forms.view_filedownloadlog``."""

    model = FileDownloadLog
    name = "forms_downloads"
    url_prefix = "inboxes/downloads"
    icon = "download"
    menu_label = _("File downloads")
    menu_order = 200
    index_view_class = views.DownloadLogIndexView
    own_views = True
    screens = [("", views.DownloadLogIndexView, "index")]


class InboxDeleteView(generic.DeleteView):
    """An inbox with submissions or forms cannot go: its group reads them, its purpose
    times them; the refusal is a message rather than the database's protection error."""

    def form_valid(self, form):
        inbox = self.object
        if selectors.inbox_in_use(inbox):
            messages.error(
                self.request,
                _("Inbox “%(name)s” still has forms or submissions; move or delete those first.")
                % {"name": inbox},
            )
            return redirect(self.index_url_name)
        return super().form_valid(form)


class InboxViewSet(ModelViewSet):
    """Managing inboxes (who reads, who is told, how long kept): model permissions apply."""

    model = Inbox
    name = "forms_inbox_admin"
    url_prefix = "inboxes/manage"
    icon = "cog"
    menu_label = _("Manage inboxes")
    menu_order = 300
    delete_view_class = InboxDeleteView
    list_display = ["__str__", "group", "notification_address", "purpose"]
    search_fields = ["name"]
    search_backend_name = None
    copy_view_enabled = False


class InboxesViewSetGroup(ViewSetGroup):
    """One "Inboxes" entry in the menu; each item shows to those its policy allows."""

    menu_label = _("Inboxes")
    menu_icon = "mail"
    menu_order = 650
    items = (SubmissionViewSet, DownloadLogViewSet, InboxViewSet)


@hooks.register("register_admin_viewset")
def register_inboxes_viewsets():
    return InboxesViewSetGroup()


hooks.register("register_bulk_action", MarkHandledBulkAction)


@hooks.register("construct_homepage_panels")
def add_inboxes_panel(request, panels):
    panel = InboxesPanel(request.user)
    if panel.inboxes:
        panels.append(panel)


@hooks.register("insert_global_admin_css")
def inbox_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("forms/css/admin.css"))


@hooks.register("insert_editor_js")
def form_builder_js():
    return format_html('<script src="{}"></script>', static("forms/js/form-builder.js"))


@hooks.register("filter_form_submissions_for_user")
def hide_form_pages_from_stock_forms_menu(user, editable_forms):
    """Every page type built on AbstractFormPage, not only this app's FormPage."""
    content_types = ContentType.objects.get_for_models(*form_page_models()).values()
    return editable_forms.exclude(content_type__in=list(content_types))


@hooks.register("before_serve_page")
def refuse_over_limit_form_posts(page, request, serve_args, serve_kwargs):
    if request.method != "POST" or not isinstance(page, AbstractFormPage):
        return None
    if rate_limited(request, scope=RATE_SCOPE):
        return TemplateResponse(request, "forms/rate_limited.html", {"page": page}, status=429)
    return None

"""The recruitment area as one Wagtail viewset, every URL under ``/admin/recruitment/``."""

from __future__ import annotations

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from ..models import Application
from ..permissions import recruitment_policy
from .detail import ApplicationDetailView, NoteAddView, StatusChangeView
from .downloads import application_file_download
from .listing import ApplicationIndexView


class RecruitmentViewSet(ModelViewSet):
    """Applications for the ``Recruitment`` group: listing, detail, status, notes, files.

    Only the views HR needs exist: applications arrive from applicants and leave through
    withdrawal and retention, which delete files and log the deletion; nobody adds, edits
    or deletes one here.
    """

    model = Application
    name = "careers_recruitment"
    url_prefix = "recruitment"
    icon = "user"
    menu_label = _("Recruitment")
    menu_order = 640
    add_to_admin_menu = True
    add_to_reference_index = False
    index_view_class = ApplicationIndexView
    inspect_view_enabled = True
    inspect_view_class = ApplicationDetailView
    copy_view_enabled = False

    @property
    def permission_policy(self):
        return recruitment_policy

    def get_permissions_to_register(self):
        # The group decides, not a permission to tick (Application declares none).
        return []

    def register_admin_url_finder(self):
        pass

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", self.inspect_view, name="application"),
            path(
                "<int:pk>/status/",
                StatusChangeView.as_view(header_icon=self.icon),
                name="status",
            ),
            path("<int:pk>/notes/", NoteAddView.as_view(header_icon=self.icon), name="note_add"),
            path(
                "<int:pk>/files/<int:file_pk>/",
                application_file_download,
                name="download",
            ),
        ]

    def get_common_view_kwargs(self, **kwargs):
        kwargs = super().get_common_view_kwargs(**kwargs)
        for name in ("add", "edit", "delete", "copy", "history", "usage"):
            kwargs[f"{name}_url_name"] = None
        kwargs["inspect_url_name"] = "careers_recruitment:application"
        return kwargs

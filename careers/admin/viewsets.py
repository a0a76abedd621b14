"""The recruitment area as one Wagtail viewset, every URL under ``/admin/recruitment/``."""

from __future__ import annotations

from django.urls import path
from django.utils.translation import gettext_lazy as _

from privacy.viewsets import ReadOnlyViewSet

from ..models import Application
from . import detail
from .listing import ApplicationIndexView


class RecruitmentViewSet(ReadOnlyViewSet):
    """Applications for the recruitment group: listing, detail, status, notes, files.

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
    index_view_class = ApplicationIndexView
    own_views = True

    def get_urlpatterns(self):
        view = self.construct_view
        return [
            path("", view(ApplicationIndexView), name="index"),
            path("results/", view(ApplicationIndexView, results_only=True), name="index_results"),
            path("<int:pk>/", view(detail.ApplicationDetailView), name="application"),
            path("<int:pk>/status/", view(detail.StatusChangeView), name="status"),
            path("<int:pk>/undo/", view(detail.RejectionUndoView), name="undo"),
            path("<int:pk>/notes/", view(detail.NoteAddView), name="note_add"),
            path(
                "<int:pk>/files/<int:file_pk>/", detail.application_file_download, name="download"
            ),
        ]

"""The recruitment area as one Wagtail viewset, every URL under ``/admin/recruitment/``."""

from __future__ import annotations

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

    screens = [
        ("", ApplicationIndexView, "index"),
        ("<int:pk>/", detail.ApplicationDetailView, "application"),
        ("<int:pk>/status/", detail.StatusChangeView, "status"),
        ("<int:pk>/undo/", detail.RejectionUndoView, "undo"),
        ("<int:pk>/notes/", detail.NoteAddView, "note_add"),
        ("<int:pk>/files/<int:file_pk>/", detail.application_file_download, "download"),
    ]

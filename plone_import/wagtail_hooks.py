"""Settings › Plone imports: every run and its report, for superusers, read only."""

from __future__ import annotations

import json

from django.contrib.auth import get_user_model
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import ImportRun


class SuperuserViewPolicy(ModelPermissionPolicy):
    """Superusers read the runs; nobody adds, edits or deletes one (the command makes them)."""

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and user.is_superuser

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return get_user_model().objects.filter(is_active=True, is_superuser=True)


register_permission_policy(ImportRun, SuperuserViewPolicy(ImportRun), exact_class=True)


class ImportRunInspectView(InspectView):
    def get_field_display_value(self, field_name, field):
        if field_name == "report":
            text = json.dumps(self.object.report, indent=2, ensure_ascii=False)
            return format_html("<pre>{}</pre>", text)
        if field_name == "options":
            return format_html("<pre>{}</pre>", json.dumps(self.object.options, indent=2))
        return super().get_field_display_value(field_name, field)


class ImportRunViewSet(ModelViewSet):
    model = ImportRun
    name = "plone_imports"
    icon = "download"
    menu_label = _("Plone imports")
    add_to_settings_menu = True
    inspect_view_enabled = True
    inspect_view_class = ImportRunInspectView
    copy_view_enabled = False
    search_backend_name = None
    search_fields = ["source"]
    ordering = ["-started_at"]
    list_filter = ["status", "export_format"]
    # The add and edit views exist but refuse everyone (SuperuserViewPolicy).
    form_fields = ["source"]
    list_display = [
        Column("source", label=_("Source"), accessor="source"),
        "export_format",
        "status",
        DateColumn("started_at", label=_("Started at")),
        "created",
        "updated",
        "unchanged",
        "skipped",
        "errors",
        "warnings",
    ]
    inspect_view_fields = [
        "source",
        "export_format",
        "status",
        "started_at",
        "finished_at",
        "created",
        "updated",
        "unchanged",
        "skipped",
        "errors",
        "warnings",
        "options",
        "report",
    ]


@hooks.register("register_admin_viewset")
def register_import_run_viewset():
    return ImportRunViewSet()

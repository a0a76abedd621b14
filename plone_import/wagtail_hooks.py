"""Settings › Plone imports: every run and its report, for superusers, read only."""

from __future__ import annotations

import json

from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import InspectView
from wagtail.permissions import register_permission_policy

from privacy.permissions import GroupOnlyPermissionPolicy
from privacy.viewsets import LocalTimeColumn, ReadOnlyViewSet, local_time

from .models import ImportRun

# Superusers alone: a run's report names every page, file and form of the old site.
register_permission_policy(
    ImportRun, GroupOnlyPermissionPolicy(ImportRun, group=None, actions={"view"}), exact_class=True
)


class ImportRunInspectView(InspectView):
    def get_field_display_value(self, field_name, field):
        if field_name == "report":
            text = json.dumps(self.object.report, indent=2, ensure_ascii=False)
            return format_html("<pre>{}</pre>", text)
        if field_name in ("started_at", "finished_at"):
            # In the reader's time zone, as the listing shows it.
            return local_time(getattr(self.object, field_name))
        if field_name == "options":
            return format_html("<pre>{}</pre>", json.dumps(self.object.options, indent=2))
        return super().get_field_display_value(field_name, field)


class ImportRunViewSet(ReadOnlyViewSet):
    model = ImportRun
    name = "plone_imports"
    icon = "download"
    menu_label = _("Plone imports")
    add_to_settings_menu = True
    inspect_view_enabled = True
    inspect_view_class = ImportRunInspectView
    search_fields = ["source"]
    ordering = ["-started_at"]
    list_filter = ["status", "export_format"]
    empty_message = _("No import has run yet: manage.py import_plone records each run here.")
    list_display = [
        Column("source", label=_("Source"), accessor="source"),
        "export_format",
        "status",
        LocalTimeColumn("started_at", label=_("Started at")),
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

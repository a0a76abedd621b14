"""The recruitment panel on the dashboard of a recruiter: applications waiting, per status."""

from __future__ import annotations

from django.urls import reverse
from wagtail.admin.ui.components import Component

from privacy.viewsets import choice_links

from .. import selectors
from ..constants import DECISIONS


class RecruitmentPanel(Component):
    name = "careers_recruitment"
    template_name = "careers/admin/recruitment_panel.html"
    order = 80

    def get_context_data(self, parent_context):
        index = reverse("careers_recruitment:index")
        applications = selectors.applications_for_user(user=parent_context["request"].user)
        rows = choice_links(applications, "status", index)
        return {"index_url": index, "rows": [r for r in rows if r["value"] not in DECISIONS]}

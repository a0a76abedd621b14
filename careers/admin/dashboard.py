"""The recruitment panel on the dashboard of a recruiter: applications waiting, per status."""

from __future__ import annotations

from django.urls import reverse
from django.utils.http import urlencode
from wagtail.admin.ui.components import Component

from privacy.viewsets import choice_counts

from .. import selectors
from ..constants import DECISIONS, ApplicationStatus


class RecruitmentPanel(Component):
    name = "careers_recruitment"
    template_name = "careers/admin/recruitment_panel.html"
    order = 80

    def get_context_data(self, parent_context):
        index = reverse("careers_recruitment:index")
        user = parent_context["request"].user
        counts = choice_counts(selectors.applications_for_user(user=user), "status")
        return {
            "index_url": index,
            "rows": [
                {
                    "label": status.label,
                    "count": counts[status.value],
                    "url": f"{index}?{urlencode({'status': status.value})}",
                }
                for status in ApplicationStatus
                if status not in DECISIONS
            ],
        }

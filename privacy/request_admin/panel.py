"""The officers' dashboard panel: open requests, those due within a week, those overdue."""

from __future__ import annotations

from functools import cached_property

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from ..selectors import requests_deadline_counts

#: The deadline filter's choices, and the panel's rows, in the order officers read them.
DEADLINE_CHOICES = [
    ("open", _("Open")),
    ("near", _("Due within a week")),
    ("overdue", _("Overdue")),
]


class RequestDeadlinesPanel(Component):
    name = "privacy_requests"
    template_name = "privacy/admin/requests_panel.html"
    order = 80

    @cached_property
    def counts(self) -> dict[str, int]:
        return requests_deadline_counts()

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        index = reverse("data_requests:index")
        context["rows"] = [
            (label, self.counts[key], f"{index}?deadline={key}", key)
            for key, label in DEADLINE_CHOICES
        ]
        return context

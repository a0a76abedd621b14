"""Admin pieces that are not views: the dashboard panel and the bulk "mark as handled"."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.ui.components import Component
from wagtail.admin.views.bulk_action import BulkAction

from . import selectors, services
from .models import FormSubmission
from .permissions import HANDLE, submission_policy


class InboxesPanel(Component):
    """On the dashboard of an inbox's reader: the open submissions of each inbox they read."""

    name = "forms_inboxes"
    template_name = "forms/admin/inboxes_panel.html"
    order = 90

    def __init__(self, user):
        self.user = user

    @cached_property
    def inboxes(self):
        return list(selectors.inboxes_with_counts(self.user))

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["inboxes"] = self.inboxes
        context["open_total"] = sum(inbox.unhandled_count for inbox in self.inboxes)
        return context


class MarkHandledBulkAction(BulkAction):
    """Marks the chosen submissions handled; only those of inboxes the user reads count.

    Submissions the user may not read are left out silently rather than listed as
    "no access": their titles are not the user's to see.
    """

    display_name = _("Mark as handled")
    action_type = "mark_handled"
    aria_label = _("Mark the selected submissions as handled")
    template_name = "forms/admin/bulk_mark_handled.html"
    action_priority = 10
    models = [FormSubmission]

    def dispatch(self, request, *args, **kwargs):
        if not submission_policy.user_has_permission(request.user, HANDLE):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def _allowed(self):
        # Applications and registrations are handled in their apps' areas, not marked here.
        return selectors.inbox_submissions(
            submission_policy.instances_user_has_permission_for(self.request.user, HANDLE)
        )

    def get_all_objects_in_listing_query(self, parent_id):
        submissions = self._allowed()
        if parent_id:
            submissions = submissions.filter(inbox_id=parent_id)
        return submissions.values_list("pk", flat=True)

    def get_actionable_objects(self):
        ids = self.request.GET.getlist("id")
        if "all" in ids:
            ids = self.get_all_objects_in_listing_query(self.request.GET.get("childOf"))
        ids = [pk for pk in ids if str(pk).isdigit()]
        objects = list(self._allowed().filter(pk__in=ids).select_related("inbox__purpose"))
        return objects, {"items_with_no_access": []}

    def check_perm(self, obj):
        return submission_policy.user_has_permission_for_instance(self.request.user, HANDLE, obj)

    def get_execution_context(self):
        return {"user": self.request.user}

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        count = 0
        for submission in objects:
            if not submission.is_handled:
                services.submission_mark_handled(submission=submission, user=user)
                count += 1
        return count, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d submission marked as handled.",
            "%(count)d submissions marked as handled.",
            num_parent_objects,
        ) % {"count": num_parent_objects}

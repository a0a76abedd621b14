"""The page editor's submissions panel: how many, and where to read them, for their readers."""

from __future__ import annotations

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy
from wagtail.contrib.forms.panels import FormSubmissionsPanel


class SubmissionsPanel(FormSubmissionsPanel):
    """Wagtail's ``FormSubmissionsPanel`` for a form-base page.

    Shows the number of the page's submissions in its inbox (every translation's, as they are
    filed under the source page) and a link into that inbox, filtered on the form. Only the
    inbox's readers see it: editing a form never tells how many people sent it, nor lists
    them. Wagtail's own panel links to the stock submission views, which these pages refuse.
    """

    def on_model_bound(self):
        # Wagtail's heading is translated once, when the panel is bound to the model: in
        # whatever language was active then. This one follows each editor's language.
        if not self.heading:
            self.heading = gettext_lazy("Submissions")

    class BoundPanel(FormSubmissionsPanel.BoundPanel):
        template_name = "forms/admin/panels/submissions_panel.html"

        @cached_property
        def inbox(self):
            from .permissions import submission_policy

            page = self.instance
            if page.pk is None:
                return None
            source = page.get_source_page()
            inbox_id = source.inbox_id or page.inbox_id
            if inbox_id is None:
                return None
            return submission_policy.inboxes_for_user(self.request.user).filter(pk=inbox_id).first()

        @cached_property
        def submissions(self):
            if self.inbox is None:
                return self.instance.get_submission_class()._default_manager.none()
            from .selectors import inbox_submissions

            # An app's records (registrations) are reached from the app's own button.
            return inbox_submissions(self.instance.get_submissions().filter(inbox=self.inbox))

        def is_shown(self):
            return self.inbox is not None and bool(self.submission_count)

        def get_context_data(self, parent_context=None):
            # Not the parent's: it reads the last submission's time, which this panel keeps
            # to the inbox.
            context = super(FormSubmissionsPanel.BoundPanel, self).get_context_data(parent_context)
            url = reverse("forms_inboxes:submissions", args=[self.inbox.pk])
            context.update(
                submission_count=self.submission_count,
                inbox=self.inbox,
                inbox_url=f"{url}?form={self.instance.get_source_page().pk}",
            )
            return context

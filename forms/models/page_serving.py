"""How a form page answers the visitor: the form, its refusals, and the thank-you page.

:class:`FormPageServing` is the part of :class:`forms.models.AbstractFormPage` that serves
requests, in Wagtail's ``AbstractForm`` flow (``serve`` -> ``get_form`` ->
``process_form_submission`` -> ``render_landing_page``) and as ``RoutablePageMixin`` routes;
it stores nothing itself (``submission_store`` does).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import path

from ..constants import LANDING_PATH
from ..scan import SCANNER_UNAVAILABLE, ScannerUnavailable
from ..services import SubmissionNotStored, SubmissionRefused, SubmissionWithheld

NOT_STORED = _("Your submission could not be stored. Nothing was kept; please try again later.")


class FormPageServing:
    """The form page's answers to the visitor; mixed into ``AbstractFormPage`` before
    ``RoutablePageMixin``, whose routes it adds."""

    def process_form_submission(self, form):
        try:
            return self.submission_store(form)
        except SubmissionWithheld as withheld:
            # Answered as a stored submission is: the landing page names no submission.
            return withheld
        except SubmissionRefused as refusal:
            form.add_error(None, refusal.message)
            raise FormNotStored(form, status=409) from refusal
        except SubmissionNotStored as error:
            form.add_error(None, NOT_STORED)
            raise FormNotStored(form, status=503) from error

    def get_view_restrictions(self):
        """Wagtail's restrictions on this page and its ancestors, which it checks at every
        request of the page in two queries; while no page of the site is private, none."""
        from wagtail.models import PageViewRestriction

        from ..selectors import view_restrictions_exist

        if not view_restrictions_exist():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    # --- Answers to the visitor -------------------------------------------------------------

    @path("")
    def index_route(self, request, *args, **kwargs):
        """The form, in Wagtail's ``AbstractForm`` flow, with the answers that flow lacks.

        A closed form (``accepts_submissions``) answers a POST with 409, neither validating
        nor storing what was sent. A required virus scanner that does not answer, a refusal
        or a failed store answer with the form (or a page) and the status that says so.
        """
        if request.method == "POST" and not self.accepts_submissions():
            # The page says it is closed (its template reads ``accepts_submissions``).
            return self._render_form(request, form=None, status=409)
        try:
            # RoutablePageMixin.serve without a view is AbstractForm.serve.
            return super().serve(request, *args, **kwargs)
        except FormNotStored as unstored:
            return self._render_form(request, form=unstored.form, status=unstored.status)
        except ScannerUnavailable:
            context = {"page": self, "message": SCANNER_UNAVAILABLE}
            return TemplateResponse(request, "forms/scan_unavailable.html", context, status=503)

    def _render_form(self, request, *, form, status: int) -> TemplateResponse:
        context = self.get_context(request)
        if form is not None:
            context["form"] = form
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def render_landing_page(self, request, form_submission=None, *args, **kwargs):
        # 303: the browser fetches the thank-you URL with GET, so a refresh re-sends nothing;
        # the URL names the page only, never the submission or any answer.
        url = self.get_landing_url(request, submission=form_submission)
        return HttpResponseRedirect(url, status=303)

    def get_landing_url(self, request=None, *, submission=None) -> str:
        """Where a stored ``submission`` sends the visitor: ``<page url>sent/``.

        ``submission`` is a :class:`~forms.services.SubmissionWithheld` for a submission
        answered as if stored. A subclass may add a query naming no one (which thank-you
        text to show), the same for both.
        """
        # The form was posted to the page's own URL; without a request, ask Wagtail for it.
        url = request.path if request is not None else self.get_url()
        return f"{url.rstrip('/')}/{self.reverse_subpage('landing')}"

    @path(f"{LANDING_PATH}/", name="landing")
    def landing_route(self, request, *args, **kwargs):
        """The thank-you page a stored submission is redirected to; it takes no POST."""
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        return self.serve_landing_page(request)

    def serve_landing_page(self, request):
        """The thank-you page's response."""
        context = self.get_context(request)
        return TemplateResponse(request, self.get_landing_page_template(request), context)

    def serve_preview(self, request, mode_name):
        if mode_name == "landing":
            return self.serve_landing_page(request)
        return super().serve_preview(request, mode_name)

    # --- Wagtail's submission contract --------------------------------------------------------

    def get_submission_class(self):
        """Where this page's submissions are: :class:`forms.models.FormSubmission`.

        Wagtail's stock submission views never list them (``wagtail_hooks`` hides these
        pages from the "Forms" menu and its views); the inbox's group reads them under
        "Inboxes", and the page editor's :class:`forms.panels.SubmissionsPanel` shows only
        their count, to the inbox's readers.
        """
        from .submissions import FormSubmission

        return FormSubmission

    def get_submissions(self):
        """The submissions of this page, in every language (they are filed under the source)."""
        if self.pk is None:
            return self.get_submission_class()._default_manager.none()
        return self.get_submission_class()._default_manager.filter(
            page_id=self.get_source_page().pk
        )

    def serve_submissions_list_view(self, request, *args, **kwargs):
        # Wagtail's stock listing and export are for page editors; these answers belong to
        # the inbox's group.
        raise PermissionDenied


class FormNotStored(Exception):
    """A valid form the page did not store (refused, or storing failed): the form, with the
    reason added to its errors, goes back to the visitor with ``status``."""

    def __init__(self, form, *, status: int):
        super().__init__(status)
        self.form, self.status = form, status

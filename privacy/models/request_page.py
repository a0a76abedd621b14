"""The page where people ask for access to, correction or erasure of their data."""

from __future__ import annotations

from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page


class DataRequestPage(RoutablePageMixin, Page):
    """A form for data-subject requests (GDPR art. 15-21), in the flow Wagtail's form pages
    use: ``serve`` -> ``get_form`` -> ``process_form_submission`` -> ``render_landing_page``.

    Submitting only files the request and e-mails a confirmation link, then answers with a
    303 to the thank-you page (``sent/``), as form pages do; that page says the same whatever
    the address, so the form tells nobody whose data the site holds.
    """

    intro = RichTextField(_("introduction"), blank=True)
    thank_you_text = RichTextField(
        _("text after sending"),
        blank=True,
        help_text=_("Shown after the form is sent; by default it asks to check the mailbox."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("thank_you_text")]
    api_fields = [APIField("intro"), APIField("thank_you_text")]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "privacy/data_request_page.html"
    landing_page_template = "privacy/data_request_page_landing.html"

    class Meta:
        verbose_name = _("data request page")
        verbose_name_plural = _("data request pages")

    def get_form(self, *args, **kwargs):
        from ..public_forms import DataRequestForm

        return DataRequestForm(*args, **kwargs)

    def notice_purpose(self):
        from ..selectors import purpose_get

        return purpose_get(key="privacy-request", locale=self.locale.language_code)

    def process_form_submission(self, form):
        from ..services.requests import request_submit

        return request_submit(
            kind=form.cleaned_data["kind"],
            email=form.cleaned_data["email"],
            message=form.cleaned_data["message"],
            locale=self.locale.language_code,
        )

    def render_landing_page(self, request, *args, **kwargs):
        # 303, as every form page answers: the browser fetches the thank-you URL with GET,
        # so a refresh sends nothing twice, and the URL names no one.
        url = f"{request.path.rstrip('/')}/{self.reverse_subpage('landing')}"
        return HttpResponseRedirect(url, status=303)

    @path("")
    def index_route(self, request, *args, **kwargs):
        from ..ratelimit import rate_limited

        if request.method == "POST":
            form = self.get_form(request.POST)
            if rate_limited(request, scope="data-request"):
                context = self.get_context(request)
                context["form"] = form
                return TemplateResponse(request, "privacy/rate_limited.html", context, status=429)
            if form.is_valid():
                self.process_form_submission(form)
                return self.render_landing_page(request)
        else:
            form = self.get_form()
        context = self.get_context(request)
        context["form"] = form
        context["notice_purpose"] = self.notice_purpose()
        return TemplateResponse(request, self.get_template(request), context)

    @path("sent/", name="landing")
    def landing_route(self, request, *args, **kwargs):
        """The same thank-you page whatever the address was: it tells nobody whose data the
        site holds."""
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        return TemplateResponse(request, self.landing_page_template, self.get_context(request))

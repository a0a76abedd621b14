"""Admin wiring: the Inboxes menu, the Inbox snippet, and guards on the public form.

Submissions are read through the "Inboxes" menu, by the inbox's group only. Wagtail's
stock "Forms" menu lists form pages to whoever may edit them, so form pages of this app are
filtered out of it: editing a form never means reading its answers.
"""

from django.contrib.contenttypes.models import ContentType
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import selectors, views
from .constants import PERMISSION_VIEW_DOWNLOAD_LOG, RATE_SCOPE
from .models import AbstractFormPage, Inbox, form_page_models
from .ratelimit import rate_limited


class InboxesMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        return selectors.inboxes_for_user(user).exists() or user.has_perm(
            PERMISSION_VIEW_DOWNLOAD_LOG
        )


class InboxesViewSet(ViewSet):
    """Reading inboxes: listing, submission detail, handling, CSV export, file download."""

    name = "forms_inboxes"
    url_prefix = "inboxes"
    icon = "mail"
    menu_label = _("Inboxes")
    menu_order = 650
    add_to_admin_menu = True
    menu_item_class = InboxesMenuItem

    def get_urlpatterns(self):
        return [
            path("", views.InboxIndexView.as_view(), name="index"),
            path("<int:pk>/", views.InboxSubmissionsView.as_view(), name="submissions"),
            path("<int:pk>/export/", views.inbox_export, name="export"),
            path("submissions/<int:pk>/", views.SubmissionDetailView.as_view(), name="submission"),
            path("submissions/<int:pk>/handle/", views.submission_handle, name="handle"),
            path("files/<int:pk>/", views.attachment_download, name="download"),
            path("downloads/", views.DownloadLogView.as_view(), name="downloads"),
        ]


@hooks.register("register_admin_viewset")
def register_inboxes_viewset():
    return InboxesViewSet()


class InboxSnippetViewSet(SnippetViewSet):
    """Managing inboxes (who reads, who is told, how long kept): model permissions apply."""

    model = Inbox
    icon = "mail"
    list_display = ["name", "group", "notification_address", "purpose"]


register_snippet(InboxSnippetViewSet)


@hooks.register("before_delete_snippet")
def keep_inboxes_in_use(request, instances):
    """An inbox with submissions or forms cannot go: its group reads them, its purpose times them."""
    in_use = [
        inbox for inbox in instances if isinstance(inbox, Inbox) and selectors.inbox_in_use(inbox)
    ]
    if not in_use:
        return None
    messages.error(
        request,
        _("Inbox “%(name)s” still has forms or submissions; move or delete those first.")
        % {"name": in_use[0].name},
    )
    return redirect(Inbox.snippet_viewset.get_url_name("list"))


@hooks.register("filter_form_submissions_for_user")
def hide_form_pages_from_stock_forms_menu(user, editable_forms):
    """Every page type built on AbstractFormPage, not only this app's FormPage."""
    content_types = ContentType.objects.get_for_models(*form_page_models()).values()
    return editable_forms.exclude(content_type__in=list(content_types))


@hooks.register("before_serve_page")
def refuse_over_limit_form_posts(page, request, serve_args, serve_kwargs):
    if request.method != "POST" or not isinstance(page, AbstractFormPage):
        return None
    if rate_limited(request, scope=RATE_SCOPE):
        return TemplateResponse(request, "forms/rate_limited.html", {"page": page}, status=429)
    return None

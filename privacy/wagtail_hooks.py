"""Admin wiring: purposes as translatable snippets, and read-only ledgers for privacy officers.

The consent ledger, the deletion log and the retention failures are evidence: nobody edits
them through the admin, superusers included, and only users holding their ``view``
permission (the ``Privacy officers`` group) see them at all.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.db import router
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.defaults import permission_denied
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import cookie_admin  # noqa: F401  (cookie categories and tags)
from .models import ConsentRecord, DeletionLog, Purpose, RetentionFailure


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Grants ``view`` to holders of the view permission and nothing else to anyone."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a == "view"])


for _model in (ConsentRecord, DeletionLog, RetentionFailure):
    register_permission_policy(_model, ReadOnlyPermissionPolicy(_model), exact_class=True)


class PurposeViewSet(SnippetViewSet):
    model = Purpose
    icon = "lock"
    menu_label = _("Purposes")
    list_display = ["name", "key", "legal_basis", "retention_days", "retention_from"]
    list_filter = ["legal_basis", "retention_from"]
    search_fields = ["name", "key"]
    inspect_view_enabled = True


register_snippet(PurposeViewSet)


@hooks.register("before_delete_snippet")
def keep_purposes_in_use(request, instances):
    """A purpose that consents, forms or inboxes still point at cannot go.

    Its consent proofs must keep saying what was agreed to, so the foreign keys protect it;
    without this hook the protection would surface as a server error.
    """
    for purpose in instances:
        if not isinstance(purpose, Purpose):
            continue
        try:
            Collector(using=router.db_for_write(Purpose)).collect([purpose])
        except (ProtectedError, RestrictedError):
            messages.error(
                request,
                _("Purpose “%(name)s” is still used by consents, forms or inboxes; it stays.")
                % {"name": purpose.name},
            )
            return redirect(Purpose.snippet_viewset.get_url_name("list"))
    return None


class ReadOnlyViewSet(ModelViewSet):
    """Evidence views: listing, filters and inspect; add, edit and delete refuse everyone.

    A refusal is a plain 403 rather than the admin's usual redirect to the dashboard, so
    that probing the URLs of the ledger tells nothing and scripts see the refusal.
    """

    inspect_view_enabled = True
    copy_view_enabled = False
    # Plain database filtering: these models are not in the search index, on purpose.
    search_backend_name = None
    # The add and edit views exist but refuse everyone (see ReadOnlyPermissionPolicy).
    exclude_form_fields = []

    def construct_view(self, view_class, **kwargs):
        view = super().construct_view(view_class, **kwargs)

        @wraps(view)
        def refuse_with_403(request, *args, **kwargs):
            try:
                return view(request, *args, **kwargs)
            except PermissionDenied as error:
                return permission_denied(request, error)

        return refuse_with_403


class ConsentLedgerViewSet(ReadOnlyViewSet):
    model = ConsentRecord
    icon = "tick-inverse"
    menu_label = _("Consent ledger")
    name = "consent_ledger"
    list_display = [
        "recorded_at",
        "subject_email",
        "anonymous_id",
        "purpose_key",
        "granted",
        "withdrawn_at",
        "source",
        "locale",
    ]
    list_filter = ["purpose_key", "granted", "source", "locale", "recorded_at"]
    search_fields = ["subject_email", "anonymous_id", "source_ref"]
    inspect_view_fields = [
        "subject_email",
        "anonymous_id",
        "purpose",
        "purpose_key",
        "purpose_revision",
        "text_shown",
        "locale",
        "granted",
        "recorded_at",
        "withdrawn_at",
        "source",
        "source_ref",
    ]


class DeletionLogViewSet(ReadOnlyViewSet):
    model = DeletionLog
    icon = "bin"
    menu_label = _("Deletion log")
    name = "deletion_log"
    list_display = [
        "ran_at",
        "model",
        "purpose_key",
        "count",
        "files",
        "errors",
        "reason",
        "dry_run",
    ]
    list_filter = ["reason", "model", "purpose_key", "dry_run", "ran_at"]
    search_fields = ["model", "purpose_key"]


class RetentionFailureViewSet(ReadOnlyViewSet):
    model = RetentionFailure
    icon = "warning"
    menu_label = _("Retention failures")
    name = "retention_failures"
    list_display = ["content_type", "object_pk", "attempts", "last_failed_at", "error"]
    list_filter = ["content_type"]


class PrivacyViewSetGroup(ViewSetGroup):
    menu_label = _("Privacy")
    menu_icon = "lock"
    menu_order = 800
    items = (ConsentLedgerViewSet, DeletionLogViewSet, RetentionFailureViewSet)


@hooks.register("register_admin_viewset")
def register_privacy_viewsets():
    return PrivacyViewSetGroup()

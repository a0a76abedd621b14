"""Admin wiring: purposes as translatable snippets, and read-only ledgers for privacy officers.

The consent ledger, the deletion log and the retention failures are evidence: nobody edits
them through the admin, superusers included, and only users holding their ``view``
permission (the ``Privacy officers`` group) see them at all.
"""

import django_filters
from django.core.exceptions import ValidationError
from django.db import router
from django.db.models import Q
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import cookie_admin  # noqa: F401  (cookie categories and tags)
from .models import (
    ConsentDecision,
    ConsentRecord,
    ConsentSource,
    ControllerIdentity,
    DeletionLog,
    ExportLog,
    LegalBasis,
    MailStatus,
    OutcomeRetention,
    OutgoingMail,
    Purpose,
    RetentionFailure,
)
from .permissions import ActionSubsetPermissionPolicy
from .record_admin import RecordOfProcessingViewSet
from .subscriber_admin import SubscriberViewSet
from .viewsets import LocalTimeColumn, PurposeNameColumn, ReadOnlyIndexView, ReadOnlyViewSet

# Evidence: holders of the ``view`` permission read it; nobody changes it, superusers included.
for _model in (ConsentRecord, DeletionLog, RetentionFailure, OutgoingMail, ExportLog):
    register_permission_policy(
        _model, ActionSubsetPermissionPolicy(_model, actions={"view"}), exact_class=True
    )


def _shown_as(purpose: Purpose) -> str:
    # The legal basis decides it; saying so beside it spares editors the lookup.
    return _("Consent box") if purpose.legal_basis == LegalBasis.CONSENT else _("Notice")


class PurposeChooseMixin:
    """The purposes a form or an inbox may state, each with its legal basis (which decides
    box or notice), under a title in the editor's language."""

    page_title = _("Choose purpose")
    page_subtitle = None

    def get_object_list(self):
        from .selectors import purposes_for_forms

        return purposes_for_forms()

    @property
    def columns(self):
        # Two columns, so a phone still reads the names; the locale filter above says the
        # language, and the legal basis decides box or notice.
        return [
            self.title_column,
            Column("legal_basis", label=_("Legal basis"), accessor="get_legal_basis_display"),
        ]


class PurposeChooseView(PurposeChooseMixin, ChooseView):
    pass


class PurposeChooseResultsView(PurposeChooseMixin, ChooseResultsView):
    pass


class PurposeChooserViewSet(SnippetChooserViewSet):
    # Wagtail's defaults are translated once, when the module is imported (in the site's
    # default language): these follow each editor's language.
    choose_one_text = _("Choose purpose")
    page_title = _("Choose purpose")
    choose_another_text = _("Choose another purpose")
    edit_item_text = _("Edit")
    choose_view_class = PurposeChooseView
    choose_results_view_class = PurposeChooseResultsView


class PurposeViewSet(SnippetViewSet):
    model = Purpose
    chooser_viewset_class = PurposeChooserViewSet
    icon = "lock"
    menu_label = _("Purposes")
    list_display = [
        "name",
        "key",
        "legal_basis",
        Column("shown_as", label=_("Shown on forms as"), accessor=_shown_as),
        Column("retention", label=_("Retention"), accessor=lambda p: str(p.retention)),
        "retention_from",
    ]
    list_filter = ["legal_basis", "retention_from"]
    search_fields = ["name", "key"]
    inspect_view_enabled = True


register_snippet(PurposeViewSet)


class OutcomeRetentionViewSet(SnippetViewSet):
    """Retention after a decision (rejected, hired): beside the purposes it shortens."""

    model = OutcomeRetention
    icon = "lock"
    menu_label = _("Retention after decisions")
    list_display = [
        "purpose_key",
        "outcome",
        Column("retention", label=_("Retention"), accessor=lambda r: str(r.retention)),
    ]
    list_filter = ["purpose_key"]


register_snippet(OutcomeRetentionViewSet)


class ControllerIdentityViewSet(SnippetViewSet):
    """Who is responsible: one per language, named by every notice, e-mail and the policy."""

    model = ControllerIdentity
    icon = "group"
    menu_label = _("Controller identity")
    list_display = ["__str__", "contact_email"]


register_snippet(ControllerIdentityViewSet)


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


class ConsentLedgerIndexView(ReadOnlyIndexView):
    """Searching for an address also finds the proofs that keep only its keyed hash, so an
    officer answering someone who writes in again sees every proof about them."""

    def search_queryset(self, queryset):
        results = super().search_queryset(queryset)
        if not self.is_searching or "@" not in self.search_query:
            return results
        from .hashing import address_hashes
        from .services.consent import normalise_email

        try:
            hashes = address_hashes(normalise_email(self.search_query))
        except ValidationError:
            return results
        return queryset.filter(Q(pk__in=results.values("pk")) | Q(subject_hash__in=hashes))


class EvidenceViewSet(ReadOnlyViewSet):
    """Evidence is inspected too, and a refusal is a plain 403 (see ``refuse_with_403``)."""

    inspect_view_enabled = True
    refuse_with_403 = True


def _purpose_choices():
    """Purpose keys with their names in the admin user's language, for the ledger filter."""
    from .selectors import purpose_names

    return sorted(purpose_names().items(), key=lambda item: str(item[1]).lower())


class ConsentLedgerFilterSet(WagtailFilterSet):
    purpose_key = django_filters.ChoiceFilter(label=_("Purpose"), choices=_purpose_choices)
    decision = django_filters.ChoiceFilter(label=_("Decision"), choices=ConsentDecision.choices)
    source = django_filters.ChoiceFilter(label=_("Source"), choices=ConsentSource.choices)
    recorded_at = django_filters.DateFromToRangeFilter(
        label=_("Recorded at"), widget=DateRangePickerWidget
    )

    class Meta:
        model = ConsentRecord
        fields = ["purpose_key", "decision", "source", "locale", "recorded_at"]


def _subject(record: ConsentRecord) -> str:
    if record.subject_email:
        return record.subject_email
    if record.subject_hash:
        return _("Address hashed (data gone)")
    return record.anonymous_id


class ConsentLedgerViewSet(EvidenceViewSet):
    model = ConsentRecord
    index_view_class = ConsentLedgerIndexView
    icon = "tick-inverse"
    menu_label = _("Consent ledger")
    name = "consent_ledger"
    empty_message = _(
        "No decision has been recorded yet. Consents given or refused, and notices shown, "
        "appear here as people send forms or answer the cookie banner."
    )
    filtered_message = _("No decision matches these filters or this search.")
    filterset_class = ConsentLedgerFilterSet
    search_fields = ["subject_email", "anonymous_id", "source_ref"]
    inspect_view_fields = [
        "subject_email",
        "subject_hash",
        "pseudonymised_at",
        "anonymous_id",
        "purpose",
        "purpose_key",
        "purpose_revision",
        "text_shown",
        "locale",
        "decision",
        "recorded_at",
        "withdrawn_at",
        "source",
        "source_ref",
    ]

    @property
    def list_display(self):
        return [
            LocalTimeColumn("recorded_at", label=_("Recorded at"), sort_key="recorded_at"),
            Column("subject", label=_("Person"), accessor=_subject),
            PurposeNameColumn("purpose", label=_("Purpose"), accessor="purpose_key"),
            Column("decision", label=_("Decision"), accessor="get_decision_display"),
            LocalTimeColumn("withdrawn_at", label=_("Withdrawn at"), sort_key="withdrawn_at"),
            Column("source", label=_("Source"), accessor="get_source_display"),
            Column("locale", label=_("Language"), accessor="locale"),
        ]


class DeletionLogViewSet(EvidenceViewSet):
    model = DeletionLog
    icon = "bin"
    menu_label = _("Deletion log")
    name = "deletion_log"
    empty_message = _(
        "Nothing has been deleted yet. Every retention run and erasure request adds its "
        "counts here, without personal data."
    )
    filtered_message = _("No entry matches these filters.")
    list_display = [
        LocalTimeColumn("ran_at", label=_("Ran at"), sort_key="ran_at"),
        "model",
        PurposeNameColumn("purpose_key", label=_("Purpose"), accessor="purpose_key"),
        "count",
        "files",
        "errors",
        "reason",
        "dry_run",
    ]
    list_filter = ["reason", "model", "purpose_key", "dry_run", "ran_at"]
    search_fields = ["model", "purpose_key"]


class RetentionFailureViewSet(EvidenceViewSet):
    model = RetentionFailure
    icon = "warning"
    menu_label = _("Retention failures")
    name = "retention_failures"
    empty_message = _("No retention failures: every expired row and its files were deleted.")
    filtered_message = _("No failure matches these filters.")
    list_display = [
        "content_type",
        "object_pk",
        "attempts",
        LocalTimeColumn("last_failed_at", label=_("Last failed at"), sort_key="last_failed_at"),
        "error",
    ]
    list_filter = ["content_type"]


class UndeliveredMailIndexView(ReadOnlyIndexView):
    def get_base_queryset(self):
        # Mails still on their way, once refused, and the ones given up: never one sent.
        return (
            super()
            .get_base_queryset()
            .exclude(status__in=[MailStatus.SENT, MailStatus.DROPPED])
            .exclude(status=MailStatus.QUEUED, attempts=0)
        )


class UndeliveredMailViewSet(EvidenceViewSet):
    """The mails the mail server refused: still being tried, or given up after a day."""

    model = OutgoingMail
    icon = "mail"
    menu_label = _("Undelivered e-mails")
    name = "undelivered_mail"
    index_view_class = UndeliveredMailIndexView
    empty_message = _("Every e-mail was delivered: none waits for another try or was given up.")
    filtered_message = _("No e-mail matches these filters.")
    list_display = [
        "template",
        "subject_email",
        "status",
        "attempts",
        LocalTimeColumn("created_at", label=_("Created at"), sort_key="created_at"),
        LocalTimeColumn("next_attempt_at", label=_("Next attempt at"), sort_key="next_attempt_at"),
        "last_error",
    ]
    list_filter = ["status", "template"]
    inspect_view_fields = [
        "template",
        "language",
        "subject_email",
        "status",
        "attempts",
        "created_at",
        "next_attempt_at",
        "last_error",
    ]


class ExportLogViewSet(EvidenceViewSet):
    """Who exported which listing of personal data, and when (kept as the access logs)."""

    model = ExportLog
    icon = "download"
    menu_label = _("Export log")
    name = "export_log"
    empty_message = _(
        "Nobody has exported personal data yet. Every CSV or XLSX export is listed here."
    )
    filtered_message = _("No export matches these filters.")
    list_display = [
        LocalTimeColumn("exported_at", label=_("Exported at"), sort_key="exported_at"),
        "username",
        "what",
        "format",
    ]
    list_filter = ["format", "exported_at"]
    search_fields = ["username", "what"]


class PrivacyViewSetGroup(ViewSetGroup):
    menu_label = _("Privacy")
    menu_icon = "lock"
    menu_order = 800
    items = (
        ConsentLedgerViewSet,
        DeletionLogViewSet,
        RetentionFailureViewSet,
        UndeliveredMailViewSet,
        SubscriberViewSet,
        ExportLogViewSet,
        RecordOfProcessingViewSet,
    )


@hooks.register("register_admin_viewset")
def register_privacy_viewsets():
    return PrivacyViewSetGroup()


# Data-subject requests have their own admin module.
from . import request_admin  # noqa: E402, F401

"""Listings of inboxes and of one inbox's submissions: search, filters, bulk, export."""

from __future__ import annotations

import django_filters
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column, TitleColumn
from wagtail.admin.widgets import HeaderButton

from privacy.selectors import purpose_get
from privacy.viewsets import ReadOnlyIndexView, ScopedIndexMixin, local_time

from .. import selectors
from ..models import FormSubmission, Inbox
from ..permissions import READ, submission_policy


class SourcePageIndexMixin:
    """A listing of the pages of a form page type, each once whatever its translations (as
    the translation its submissions are filed under): found by its title in any language,
    titled in the reader's (:meth:`title_of`)."""

    search_fields = ["title"]

    def get_base_queryset(self):
        return selectors.source_pages(self.model)

    def search_queryset(self, queryset):
        if not self.search_query:
            return queryset
        found = self.model.objects.filter(title__icontains=self.search_query)
        return queryset.filter(translation_key__in=found.values("translation_key"))

    @cached_property
    def titles(self) -> dict:
        """Each page's title in the reader's language where translated, in one query."""
        translated = self.model.objects.filter(locale__language_code=get_language())
        return dict(translated.values_list("translation_key", "title"))

    def title_of(self, page) -> str:
        return self.titles.get(page.translation_key, page.title)


class StatusColumn(Column):
    cell_template_name = "forms/admin/status_cell.html"


class InboxIndexView(ScopedIndexMixin, ReadOnlyIndexView):
    """The inboxes the user reads, with their open and total counts."""

    model = Inbox
    any_permission_required = [READ]
    page_title = gettext_lazy("Inboxes")
    paginate_by = 50
    index_url_name = "forms_inboxes:index"
    default_ordering = "name"
    empty_message = gettext_lazy(
        "You read no inbox yet. An administrator adds you to an inbox's group."
    )

    def get_base_queryset(self):
        return selectors.inboxes_with_counts(self.request.user)

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "name",
                label=gettext_lazy("Inbox"),
                accessor=str,
                get_url=lambda inbox: reverse("forms_inboxes:submissions", args=[inbox.pk]),
            ),
            Column("unhandled_count", label=gettext_lazy("Open")),
            Column("submission_count", label=gettext_lazy("Total")),
            Column("purpose", label=gettext_lazy("Kept under"), accessor=_purpose_name),
        ]


def _purpose_name(inbox: Inbox) -> str:
    """The inbox's purpose in the reader's language when it has been translated."""
    return (purpose_get(key=inbox.purpose.key) or inbox.purpose).name


class SubmissionFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=[("open", gettext_lazy("Open")), ("handled", gettext_lazy("Handled"))],
        method="filter_status",
        empty_label=gettext_lazy("All"),
    )
    form = django_filters.ChoiceFilter(
        label=gettext_lazy("Form"), field_name="page", empty_label=gettext_lazy("All")
    )
    submitted_at = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Submitted"), widget=DateRangePickerWidget
    )

    class Meta:
        model = FormSubmission
        fields = []

    def __init__(self, *args, inbox: Inbox, **kwargs):
        super().__init__(*args, **kwargs)
        forms = {}
        for page_id, title in (
            selectors.inbox_submissions(FormSubmission.objects.filter(inbox=inbox))
            .filter(page__isnull=False)
            .order_by("page_id", "-submitted_at")
            .values_list("page_id", "form_title")
        ):
            forms.setdefault(page_id, title)
        self.filters["form"].extra["choices"] = sorted(
            forms.items(), key=lambda item: item[1].lower()
        )

    def filter_status(self, queryset, name, value):
        if value == "open":
            return queryset.filter(handled_at__isnull=True)
        if value == "handled":
            return queryset.filter(handled_at__isnull=False)
        return queryset


class SubmissionIndexView(ScopedIndexMixin, ReadOnlyIndexView):
    """One inbox's submissions: search, filters, bulk "mark as handled", CSV/XLSX export.

    The inbox is found among those the user reads; another inbox is refused like a missing
    one, so its name and size stay unknown.
    """

    model = FormSubmission
    template_name = "forms/admin/submission_index.html"
    any_permission_required = [READ]
    scope_kwarg = "inbox_pk"
    scope_refusal = PermissionDenied
    filterset_class = SubmissionFilterSet
    search_fields = ["subject_email", "form_title", "answers"]
    paginate_by = 50
    inspect_url_name = "forms_inboxes:submission"
    export_headings = {
        "pk": "id",
        "form_title": "form",
        "locale": "language",
        "submitted_at": "submitted_at",
        "handled_at": "handled_at",
        "subject_email": "e-mail",
    }

    def get_scope_queryset(self):
        return submission_policy.inboxes_for_user(self.request.user)

    @property
    def inbox(self) -> Inbox:
        return self.scope

    def get_page_title(self):
        return str(self.inbox)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("forms_inboxes:index"), "label": _("Inboxes")},
            {"url": "", "label": str(self.inbox)},
        ]

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "inbox": self.inbox}

    def get_base_queryset(self):
        submissions = FormSubmission.objects.filter(inbox=self.inbox)
        return selectors.inbox_submissions(submissions).select_related("handled_by")

    def get_valid_orderings(self):
        return ["submitted_at", "-submitted_at", "form_title", "-form_title"]

    def get_ordering(self):
        return super().get_ordering() or "-submitted_at"

    @cached_property
    def columns(self):
        return [
            BulkActionsCheckboxColumn("bulk_actions", obj_type="submission"),
            TitleColumn(
                "submitted_at",
                label=gettext_lazy("Submitted"),
                sort_key="submitted_at",
                get_url=lambda submission: reverse(
                    "forms_inboxes:submission", args=[submission.pk]
                ),
                get_title_id=lambda submission: f"submission_{submission.pk}_title",
                accessor=lambda submission: local_time(submission.submitted_at),
            ),
            Column("form_title", label=gettext_lazy("Form"), sort_key="form_title"),
            Column("locale", label=gettext_lazy("Language")),
            Column("subject_email", label=gettext_lazy("E-mail")),
            StatusColumn("status", label=gettext_lazy("Status"), accessor=lambda s: s),
        ]

    # Spreadsheet export: the listing's rows as filtered, answers keyed by field key.

    @cached_property
    def answer_keys(self) -> list[str]:
        return list(selectors.inbox_answer_labels(self.inbox))

    @cached_property
    def list_export(self):
        fixed = ["pk", "form_title", "locale", "submitted_at", "handled_at", "subject_email"]
        return fixed + [f"answers.{key}" for key in self.answer_keys]

    def get_heading(self, queryset, field):
        if field.startswith("answers."):
            return field.removeprefix("answers.")
        return super().get_heading(queryset, field)

    def to_row_dict(self, item):
        answers = item.answers or {}
        row = {
            "pk": item.pk,
            "form_title": item.form_title,
            "locale": item.locale,
            "submitted_at": item.submitted_at,
            "handled_at": item.handled_at,
            "subject_email": item.subject_email,
        }
        for key in self.answer_keys:
            row[f"answers.{key}"] = selectors.display_value(answers.get(key))
        return row

    def get_filename(self):
        return f"inbox-{self.inbox.pk}"

    def get_export_label(self):
        # The export log names the inbox as its readers know it.
        return f"{self.inbox.name} ({self.get_filename()})"

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if self.request.user.has_perm("forms.view_filedownloadlog"):
            buttons = [
                *buttons,
                HeaderButton(
                    _("File downloads"), url=reverse("forms_downloads:index"), icon_name="list-ul"
                ),
            ]
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["inbox"] = self.inbox
        return context

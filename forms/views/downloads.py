"""The file download log, for holders of ``forms.view_filedownloadlog``."""

from __future__ import annotations

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column, TitleColumn

from privacy.viewsets import LocalTimeColumn, ReadOnlyIndexView

from ..models import FileDownloadLog
from ..permissions import submission_policy


class DownloadLogIndexView(ReadOnlyIndexView):
    """Who downloaded which file, from which submission, when; for ``view_filedownloadlog``."""

    model = FileDownloadLog
    template_name = "wagtailadmin/generic/index.html"
    page_title = gettext_lazy("File downloads")
    any_permission_required = ["view"]
    paginate_by = 100
    search_fields = ["username"]
    empty_message = gettext_lazy("No file has been downloaded yet.")
    filtered_message = gettext_lazy("No download matches your query.")

    @cached_property
    def readable_inbox_ids(self) -> set[int]:
        return set(
            submission_policy.inboxes_for_user(self.request.user).values_list("pk", flat=True)
        )

    def _readable(self, entry: FileDownloadLog) -> bool:
        """File names are personal data: shown only to a reader of the file's inbox."""
        return entry.file is not None and entry.file.submission.inbox_id in self.readable_inbox_ids

    def file_label(self, entry: FileDownloadLog) -> str:
        if entry.file is None:
            return _("#%(pk)s (deleted)") % {"pk": entry.file_pk}
        if self._readable(entry):
            return f"{entry.file.original_name} (#{entry.file_pk})"
        return f"#{entry.file_pk}"

    def submission_url(self, entry: FileDownloadLog) -> str | None:
        if self._readable(entry):
            return reverse("forms_inboxes:submission", args=[entry.submission_pk])
        return None

    @cached_property
    def columns(self):
        return [
            LocalTimeColumn(
                "downloaded_at", label=gettext_lazy("Downloaded at"), sort_key="downloaded_at"
            ),
            Column("username", label=gettext_lazy("User"), sort_key="username"),
            Column("file", label=gettext_lazy("File"), accessor=self.file_label),
            TitleColumn(
                "submission_pk",
                label=gettext_lazy("Submission"),
                accessor=lambda entry: f"#{entry.submission_pk}",
                get_url=self.submission_url,
            ),
        ]

    def get_base_queryset(self):
        return FileDownloadLog.objects.select_related("file__submission")

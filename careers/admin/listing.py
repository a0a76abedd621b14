"""The applications listing: by vacancy, status and date, search by name, a count per status."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn

from privacy.viewsets import (
    ChoiceColumn,
    ChoiceCountsMixin,
    LocalTimeColumn,
    ReadOnlyIndexView,
    ScopedIndexMixin,
)

from ..constants import ApplicationStatus
from ..models import Application, VacancyPage


class ApplicationFilterSet(WagtailFilterSet):
    # The source-language vacancies applications point at: translations of a vacancy share
    # its source page, so one vacancy is one choice in every language.
    vacancy = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Vacancy"),
        queryset=VacancyPage.objects.filter(
            pk__in=Application.objects.values("vacancy_id")
        ).order_by("title"),
        empty_label=gettext_lazy("All"),
        null_label=gettext_lazy("Spontaneous applications"),
        null_value="spontaneous",
    )
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=ApplicationStatus.choices,
        empty_label=gettext_lazy("All"),
    )
    submitted_at = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Received"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Application
        fields = []


class ApplicationIndexView(ChoiceCountsMixin, ScopedIndexMixin, ReadOnlyIndexView):
    """Every application a recruiter reads, newest first, with a count per status.

    The counts follow the vacancy, date and search filters but not the status filter, so
    they say how many applications each status tab would show.
    """

    model = Application
    results_template_name = "careers/admin/application_index_results.html"
    filterset_class = ApplicationFilterSet
    search_fields = ["applicant_name"]
    paginate_by = 50
    default_ordering = "-submitted_at"
    counts_field = "status"
    page_title = gettext_lazy("Applications")
    inspect_url_name = "careers_recruitment:application"
    empty_message = gettext_lazy("No application has been received yet.")
    filtered_message = gettext_lazy("No application matches these filters.")
    export_filename = "applications"
    # Machine-readable headings, the same in every language.
    export_headings = {
        "pk": "id",
        "applicant_name": "name",
        "vacancy_title": "vacancy",
        "locale": "language",
        "status": "status",
        "talent_pool_since": "talent_pool_since",
        "submitted_at": "submitted_at",
        "decided_at": "decided_at",
    }
    list_export = list(export_headings)

    columns = [
        TitleColumn(
            "applicant_name",
            label=gettext_lazy("Name"),
            sort_key="applicant_name",
            get_url=lambda application: application.admin_url(),
            accessor=lambda application: application.applicant_name or f"#{application.pk}",
        ),
        Column("vacancy_title", label=gettext_lazy("Vacancy"), sort_key="vacancy_title"),
        ChoiceColumn("status", label=gettext_lazy("Status")),
        Column(
            "talent_pool_since",
            label=gettext_lazy("Talent pool"),
            sort_key="talent_pool_since",
            accessor=lambda application: _("Yes") if application.in_talent_pool else _("No"),
        ),
        Column("locale", label=gettext_lazy("Language")),
        LocalTimeColumn("submitted_at", label=gettext_lazy("Received"), sort_key="submitted_at"),
    ]

"""Reads the recruitment area, the pages and the API share."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q, QuerySet
from django.utils import timezone

from forms.selectors import source_pages

from .constants import VacancyStatus
from .models import Application
from .permissions import user_is_recruiter


def applications_for_user(*, user: AbstractBaseUser | AnonymousUser) -> QuerySet[Application]:
    """The applications ``user`` may see: all for recruiters and superusers, none otherwise
    (the admin answers a missing one and one not to be seen with the same 404)."""
    if not user_is_recruiter(user):
        return Application.objects.none()
    return Application.objects.select_related("submission", "vacancy")


def open_vacancies(*, index, department: str = "", location: str = "") -> QuerySet:
    """The live, open vacancies under ``index``: a vacancy closed by its status or past the
    end of its closing day (in the site's time zone) is left out."""
    from .models import VacancyPage

    # A translation is open while its source is (see ``VacancyPage.is_open``).
    sources = source_pages(VacancyPage).filter(
        Q(status=VacancyStatus.OPEN),
        Q(closing_date__isnull=True) | Q(closing_date__gte=timezone.localdate()),
    )
    vacancies = (
        VacancyPage.objects.live()
        .public()
        .child_of(index)
        .filter(translation_key__in=sources.values("translation_key"))
    )
    if department:
        vacancies = vacancies.filter(department=department)
    if location:
        vacancies = vacancies.filter(location=location)
    return vacancies.order_by("closing_date", "title")


def vacancy_index_context(*, index, params) -> dict:
    """What the index shows: the open vacancies matching the department and location a
    visitor filters by in ``params`` (empty: any), the choices to filter by (from the open
    vacancies only) and the live spontaneous application page."""
    from .models import SpontaneousApplicationPage

    filters = {name: (params.get(name) or "").strip()[:100] for name in ("department", "location")}
    open_all = open_vacancies(index=index)
    vacancies = open_vacancies(index=index, **filters)
    spontaneous = SpontaneousApplicationPage.objects.live().public().child_of(index)
    departments = sorted(set(open_all.values_list("department", flat=True)))
    locations = sorted(set(open_all.values_list("location", flat=True)))
    return {
        "vacancies": vacancies,
        "any_open": bool(departments),
        "departments": departments,
        "locations": locations,
        "filters": filters,
        "filtered": any(filters.values()),
        "spontaneous_page": spontaneous.first(),
    }

"""The careers app's models: vacancy pages, the spontaneous application page, applications.

Imports run one way: ``applications`` needs nothing of the pages; the pages create
applications through :mod:`careers.services`.
"""

from ..constants import ApplicationStatus, EmploymentType, VacancyStatus
from .applications import Application, ApplicationNote, ApplicationStatusChange
from .mail_templates import RejectionEmailTemplate

# isort: split
from .pages import (
    ApplicationFormPage,
    SpontaneousApplicationFormField,
    SpontaneousApplicationPage,
    VacancyFormField,
    VacancyIndexPage,
    VacancyPage,
)

__all__ = [
    "Application",
    "ApplicationFormPage",
    "ApplicationNote",
    "ApplicationStatus",
    "ApplicationStatusChange",
    "EmploymentType",
    "RejectionEmailTemplate",
    "SpontaneousApplicationFormField",
    "SpontaneousApplicationPage",
    "VacancyFormField",
    "VacancyIndexPage",
    "VacancyPage",
    "VacancyStatus",
]

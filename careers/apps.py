from django.apps import AppConfig


class CareersConfig(AppConfig):
    """Vacancies and applications; CVs live only in the recruitment inbox."""

    name = "careers"

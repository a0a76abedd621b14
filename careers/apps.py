from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CareersConfig(AppConfig):
    """Vacancies and applications; CVs live only in the recruitment inbox."""

    name = "careers"
    verbose_name = _("Careers")
    default_auto_field = "django.db.models.BigAutoField"

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CareersConfig(AppConfig):
    """Vacancies and applications; CVs live only in the recruitment inbox."""

    name = "careers"
    verbose_name = _("Careers")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from privacy.services.traces import log_entries_forget_on_delete

        from .models import Application, ApplicationNote, ApplicationStatusChange

        # Deleted with their submission; the admin logs them, naming the applicant.
        log_entries_forget_on_delete(Application, ApplicationNote, ApplicationStatusChange)

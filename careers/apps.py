from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CareersConfig(AppConfig):
    """Vacancies and applications; CVs live only in the recruitment inbox."""

    name = "careers"
    verbose_name = _("Careers")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete

        from . import models, receivers

        for model in (models.Application, models.ApplicationNote, models.ApplicationStatusChange):
            post_delete.connect(
                receivers.log_entries_delete, sender=model, dispatch_uid=f"careers.log.{model}"
            )

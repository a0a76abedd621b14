from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CareersConfig(AppConfig):
    """Vacancies and applications; CVs live only in the recruitment inbox."""

    name = "careers"
    verbose_name = _("Careers")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete

        from privacy import signals

        from . import models, receivers

        signals.purpose_retention_changed.connect(
            receivers.retention_changed, dispatch_uid="careers.retention_changed"
        )
        signals.consent_withdrawn.connect(
            receivers.consent_withdrawn, dispatch_uid="careers.consent_withdrawn"
        )
        from wagtail.signals import page_published

        page_published.connect(
            receivers.vacancy_published, sender=models.VacancyPage, dispatch_uid="careers.vacancy"
        )
        for model in (models.Application, models.ApplicationNote, models.ApplicationStatusChange):
            post_delete.connect(
                receivers.log_entries_delete, sender=model, dispatch_uid=f"careers.log.{model}"
            )

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PloneImportConfig(AppConfig):
    """Imports Plone exports; keeps a table of what each Plone UID became, and each run."""

    name = "plone_import"
    label = "plone_import"
    verbose_name = _("Plone import")
    default_auto_field = "django.db.models.BigAutoField"

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The chamber's ordinary pages: home, content pages and site-wide settings."""

    name = "home"
    verbose_name = _("Site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import retention, signals

        signals.connect()
        retention.register()

from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    """The project itself: settings, URLs, the JSON API root and ``load_demo``."""

    name = "website"
    verbose_name = "Website"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import aliases, preview, publish

        aliases.connect()
        publish.connect()
        preview.install()

from django.apps import AppConfig


class PrivacyTestAppConfig(AppConfig):
    """Models that exist only in test runs, so the privacy engine is tested on real tables."""

    name = "tests.privacy.testapp"
    label = "privacy_testapp"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from privacy.vocabulary import retention_end_register

        from .models import MEMBERSHIP_END

        retention_end_register(MEMBERSHIP_END)

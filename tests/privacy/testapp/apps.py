from django.apps import AppConfig


class PrivacyTestAppConfig(AppConfig):
    """Models that exist only in test runs, so the privacy engine is tested on real tables."""

    name = "tests.privacy.testapp"
    label = "privacy_testapp"
    default_auto_field = "django.db.models.BigAutoField"

from django.apps import AppConfig


class FormsTestAppConfig(AppConfig):
    """A page type built on the forms base by another app, as careers and events will be."""

    name = "tests.forms.testapp"
    label = "forms_testapp"
    default_auto_field = "django.db.models.BigAutoField"

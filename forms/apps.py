from django.apps import AppConfig


class FormsConfig(AppConfig):
    """Editor-built forms with purpose consents, private uploads and group-only inboxes."""

    name = "forms"
    label = "forms"

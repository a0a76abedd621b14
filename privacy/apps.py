from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    """The core every app calls: purposes, consent ledger, retention, export and erasure."""

    name = "privacy"

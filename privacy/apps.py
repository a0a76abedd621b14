from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """The core every app calls: purposes, consent ledger, retention, export and erasure."""

    name = "privacy"
    verbose_name = _("Privacy")

    def ready(self):
        from . import registry

        # Every model is loaded by now: read and check each PersonalData declaration so a
        # wrong lookup path stops start-up instead of exporting or deleting too little.
        registry.discover()
        from .services import cookies, policy

        cookies.connect()
        policy.connect()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """The core every app calls: purposes, consent ledger, retention, export and erasure."""

    name = "privacy"
    verbose_name = _("Privacy")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db import connections
        from django.db.backends.signals import connection_created

        from . import periods, receivers, registry, signals
        from .services import cookies, policy

        # Retention counts calendar months in SQL too; SQLite learns how on each connection.
        connection_created.connect(
            periods.sqlite_functions_install, dispatch_uid="privacy.sqlite_functions"
        )
        for connection in connections.all(initialized_only=True):
            if connection.connection is not None:
                periods.sqlite_functions_install(sender=None, connection=connection)

        # Every model is loaded by now: read and check each PersonalData declaration so a
        # wrong lookup path stops start-up instead of exporting or deleting too little.
        registry.discover()
        # The ends the core's own purposes count from (its logs, staff accounts).
        from .vocabulary import core_ends_register

        core_ends_register()
        # Rows that declare ``retention`` store a date the core keeps right.
        signals.purpose_retention_changed.connect(
            receivers.purpose_retention_changed, dispatch_uid="privacy.retention_changed"
        )
        signals.consent_withdrawn.connect(
            receivers.consent_withdrawn, dispatch_uid="privacy.consent_withdrawn"
        )
        # One memo per request (privacy.memo), for every app: kept from its start to its end.
        from django.core.signals import request_finished, request_started

        from . import memo

        request_started.connect(memo.request_started, dispatch_uid="privacy.memo.request_started")
        request_finished.connect(
            memo.request_finished, dispatch_uid="privacy.memo.request_finished"
        )
        # The cookie banner's and the policy's cached reads are retired when editors change them.
        cookies.connect()
        policy.connect()
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Site

        from .models import ControllerIdentity, DataSubjectRequest, OutcomeRetention
        from .register import outcome_rules_invalidate
        from .selectors import controller_identity_invalidate
        from .selectors.consents import restrictions_changed

        for signal in (post_save, post_delete):
            # Whether any restriction is in force is cached (selectors.restrictions_in_force).
            signal.connect(
                restrictions_changed,
                sender=DataSubjectRequest,
                dispatch_uid=f"privacy-restrictions-{signal!r}",
            )
            # The controller's name falls back on the default site's.
            for sender in (ControllerIdentity, Site):
                signal.connect(
                    controller_identity_invalidate,
                    sender=sender,
                    dispatch_uid=f"privacy-controller-identity-{sender.__name__}-{signal!r}",
                )
            signal.connect(
                outcome_rules_invalidate,
                sender=OutcomeRetention,
                dispatch_uid=f"privacy-outcome-rules-{signal!r}",
            )

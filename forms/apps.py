from django.apps import AppConfig


class FormsConfig(AppConfig):
    """Editor-built forms with purpose consents, private uploads and group-only inboxes."""

    name = "forms"
    label = "forms"

    def ready(self):
        # Submissions store retain_until; the privacy core says when its inputs change.
        from privacy import signals

        from . import receivers

        signals.purpose_retention_changed.connect(
            receivers.purpose_retention_changed, dispatch_uid="forms.retention_changed"
        )
        signals.consent_withdrawn.connect(
            receivers.consent_withdrawn, dispatch_uid="forms.consent_withdrawn"
        )

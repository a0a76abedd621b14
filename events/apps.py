from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from privacy.accesses import access_source_register

        from . import receivers  # noqa: F401  (connects the page_published receiver)
        from .selectors import registration_accesses_of

        # An access answer lists who saw a registrant's name: speakers, a public list.
        access_source_register(registration_accesses_of)

        from privacy.recipients import recipient_source_register

        from .recipients import speakers_who_saw

        recipient_source_register(speakers_who_saw)

        from privacy.services.traces import log_entries_forget_on_delete

        from .models import SpeakerLink

        # Deleted with its event, outside the privacy core that clears its traces; a log
        # entry's label names the person (forms forgets those of registrations, needs and
        # photo consents, rows that follow a submission or a consent).
        log_entries_forget_on_delete(SpeakerLink)

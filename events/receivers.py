"""Signal receivers: an event's publication keeps its data's retention in step with its end."""

from django.dispatch import receiver
from wagtail.signals import page_published

from .models import EventPage


@receiver(page_published, sender=EventPage, dispatch_uid="events_retention_sync")
def event_published(sender, instance: EventPage, **kwargs) -> None:
    from .services import event_retention_sync, registrations_promote

    if instance.get_source_page().pk != instance.pk:
        return
    event_retention_sync(event=instance)
    # A larger capacity frees seats for the people waiting.
    registrations_promote(event=instance)

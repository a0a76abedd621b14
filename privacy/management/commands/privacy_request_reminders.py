"""Remind the privacy officers of requests due soon or today; meant to run daily."""

from django.core.management.base import BaseCommand, no_translations

from privacy.services.request_deadlines import request_reminders_send


class Command(BaseCommand):
    help = (
        "Mail the privacy officers about each open data-subject request due in "
        "PRIVACY_REQUEST_WARNING_DAYS days (7) or today. Run it daily; a second run the same "
        "day sends nothing again."
    )

    @no_translations
    def handle(self, *args, **options):
        sent = request_reminders_send()
        self.stdout.write(f"Sent {sent} reminder(s).")

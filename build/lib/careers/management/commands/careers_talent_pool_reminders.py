"""Ask candidates whose talent-pool period ends within 30 days whether to renew it.

Run daily (like ``enforce_retention``); each candidate is asked once per period.
"""

from django.core.management.base import BaseCommand

from careers.services import talent_pool_reminders_send


class Command(BaseCommand):
    help = "E-mail talent-pool candidates a one-click renewal link 30 days before the end."

    def handle(self, *args, **options):
        sent = talent_pool_reminders_send()
        self.stdout.write(f"Sent {sent} talent-pool renewal e-mail(s).")

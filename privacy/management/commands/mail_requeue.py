"""Hand the task queue every mail that is due but may have lost its task; run it when a
worker starts and every few minutes from a scheduler, from any node."""

from django.core.management.base import BaseCommand, no_translations

from privacy.services.mail import mail_requeue


class Command(BaseCommand):
    help = (
        "Enqueue every outbox mail that is due and has no live worker: one whose worker died "
        "while sending it, or one waiting for a try. A mail with a task already is sent once."
    )

    @no_translations
    def handle(self, *args, **options):
        count = mail_requeue()
        if options["verbosity"]:
            self.stdout.write(f"{count} mail(s) handed to the task queue.")

"""The inbox admin's edit form, posted as a manager does: the forms tests and the standalone
site's tests change an inbox's purpose through it."""

from django.urls import reverse


def inbox_save(client, inbox, purpose):
    """Save ``inbox`` unchanged but for the purpose its submissions are kept under."""
    return client.post(
        reverse("forms_inbox_admin:edit", args=[inbox.pk]),
        {
            "name": inbox.name,
            "names-TOTAL_FORMS": "0",
            "names-INITIAL_FORMS": "0",
            "names-MIN_NUM_FORMS": "0",
            "names-MAX_NUM_FORMS": "1000",
            "group": str(inbox.group_id),
            "notification_address": inbox.notification_address,
            "purpose": str(purpose.pk),
        },
    )

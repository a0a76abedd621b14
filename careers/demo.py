"""Demo set-up of the careers app: the group that will read applications."""

from django.contrib.auth.models import Group


def load(*, log, translate=None) -> None:
    # Empty of permissions until the recruitment inbox exists; admins add people to it.
    _, created = Group.objects.get_or_create(name="Recruitment")
    if created:
        log("Created group 'Recruitment'.")

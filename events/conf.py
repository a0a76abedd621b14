"""The events app's settings, each with a default; read them here, nowhere else."""

from django.conf import settings


def get(name: str, default):
    return getattr(settings, f"EVENTS_{name}", default)


def registration_link_days() -> int:
    """How long the cancel and choices links in a confirmation work (they stop at the event's
    end anyway): long enough for an event announced a year ahead."""
    return int(get("REGISTRATION_LINK_DAYS", 400))


def group_name() -> str:
    """The group that organises events: it reads registrations and the check-in list."""
    return get("GROUP", "Events")

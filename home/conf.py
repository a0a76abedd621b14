"""The home app's settings, each with a default; read them here, nowhere else."""

from django.conf import settings


def get(name: str, default):
    return getattr(settings, f"HOME_{name}", default)

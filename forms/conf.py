"""The forms app's settings, each with a default; read them here, nowhere else."""

from django.conf import settings


def get(name: str, default):
    return getattr(settings, f"FORMS_{name}", default)


def request_max_body_size() -> int:
    """The project-wide cap on a request body in bytes (0: none); no upload can exceed it."""
    return getattr(settings, "REQUEST_MAX_BODY_SIZE", 0)

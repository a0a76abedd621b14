"""reCAPTCHA for public forms (filled in by the captcha/rate-limit work)."""

from django import forms as django_forms


def captcha_field() -> django_forms.Field | None:
    """The captcha field every public form gets, or None when no keys are configured."""
    return None

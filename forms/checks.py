"""System checks of the forms app."""

from django.core.checks import Tags, Warning, register

from . import conf


@register(Tags.security, deploy=True)
def captcha_configured(app_configs, **kwargs):
    """Without reCAPTCHA keys the public forms rely on the rate limit and the honeypot alone.

    That is a site's choice (no visitor data goes to Google then), so a warning, not an error.
    """
    if conf.captcha() is not None:
        return []
    return [
        Warning(
            "reCAPTCHA is not configured: public forms are protected by the per-client rate "
            "limit and a honeypot field only.",
            hint=(
                "Set RECAPTCHA_PUBLIC_KEY and RECAPTCHA_PRIVATE_KEY to add Google reCAPTCHA, "
                "or silence forms.W001 if the site runs without it on purpose."
            ),
            id="forms.W001",
        )
    ]

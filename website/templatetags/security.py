"""Template tags that let a page widen its own Content-Security-Policy, and only its own."""

from django import template
from django_recaptcha.widgets import ReCaptchaBase

from website.security.csp import allow_recaptcha

register = template.Library()


@register.simple_tag(takes_context=True)
def csp_for_form(context, form) -> str:
    """Allow reCAPTCHA's hosts on this response when ``form`` renders a captcha.

    Call it before the form renders; it prints nothing. Pages without a captcha, and every
    other page of the site, keep the strict policy.
    """
    request = context.get("request")
    fields = getattr(form, "fields", {})
    if request is not None and any(isinstance(f.widget, ReCaptchaBase) for f in fields.values()):
        allow_recaptcha(request)
    return ""

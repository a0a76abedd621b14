"""``{% csp_for_form form %}``: a form page asks for reCAPTCHA's hosts on its own response only.

The site's Content-Security-Policy middleware adds ``request.csp_update`` (directive ->
sources) to the policy of the response; without such a middleware the attribute is unused.
"""

from django import template
from django_recaptcha.widgets import ReCaptchaBase

from ..captcha import RECAPTCHA_CSP

register = template.Library()


@register.simple_tag(takes_context=True)
def csp_for_form(context, form) -> str:
    """Allow reCAPTCHA's hosts on this response when ``form`` renders a captcha.

    Call it before the form renders; it prints nothing. Pages without a captcha, and every
    other page of the site, keep the strict policy.
    """
    request = context.get("request")
    fields = getattr(form, "fields", {})
    if request is None or not any(isinstance(f.widget, ReCaptchaBase) for f in fields.values()):
        return ""
    update = getattr(request, "csp_update", None) or {}
    for directive, sources in RECAPTCHA_CSP.items():
        known = update.setdefault(directive, [])
        known.extend(source for source in sources if source not in known)
    request.csp_update = update
    return ""

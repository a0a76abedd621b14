"""Protection of public forms: a honeypot always, reCAPTCHA through django-recaptcha when set.

The keys, the version ("v2" checkbox or "v3" scored) and the v3 score threshold are project
settings (``RECAPTCHA_*``, read from the environment in ``website.settings.base``). Without
keys no captcha field is added: forms are then protected by the per-client rate limit and
the honeypot alone, and ``check --deploy`` says so (``forms.checks``).

Google's script is never part of the page as served: ``forms/js/recaptcha.js`` adds it when
the visitor first focuses or types in the form, so nothing goes to Google before the person
acts (the form's ``form-protection`` notice says so).
"""

import sys

from django import forms as django_forms
from django.utils.translation import gettext_lazy as _
from django_recaptcha.fields import ReCaptchaField
from django_recaptcha.widgets import ReCaptchaV2Checkbox, ReCaptchaV3

from .conf import captcha as captcha_config
from .ratelimit import client_ip

# Used when v3 is chosen and no threshold is configured: v3 never runs without one.
# The action name the v3 script reports and the server checks, so a token minted for another
# site action cannot be replayed here.
V3_ACTION = "form_submit"
# v2's widget always posts its token under this name; the v3 widget is told to use it too so
# headless clients send the token under one name whatever the version.
RESPONSE_FIELD = "g-recaptcha-response"
# reCAPTCHA's documented Content-Security-Policy sources: its script and frames from
# www.google.com (or www.recaptcha.net) and further scripts from www.gstatic.com. A page
# that renders the captcha asks for them on its own response ({% csp_for_form form %}).
RECAPTCHA_CSP: dict[str, list[str]] = {
    "script-src": [
        "https://www.google.com/recaptcha/",
        "https://www.gstatic.com/recaptcha/",
        "https://www.recaptcha.net/recaptcha/",
    ],
    "frame-src": ["https://www.google.com/recaptcha/", "https://www.recaptcha.net/recaptcha/"],
    "connect-src": ["https://www.google.com/recaptcha/", "https://www.recaptcha.net/recaptcha/"],
}


class HoneypotInput(django_forms.TextInput):
    """A text box people never see (its wrapper is ``hidden``) and robots fill in."""

    template_name = "forms/widgets/honeypot.html"

    def __init__(self, attrs=None):
        super().__init__(attrs={"autocomplete": "off", "tabindex": "-1", **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["label"] = _("Leave this field empty")
        return context


HONEYPOT_MESSAGE = _(
    "This form could not be sent: a field meant to stay empty was filled in. If your browser "
    "fills in forms automatically, please check the form and send it again."
)


class HoneypotField(django_forms.CharField):
    """A field people do not see, so only a program filling in every box answers it.

    The form refuses such a submission as a whole (``SubmissionForm.clean``): an error under
    a field nobody sees would leave a person whose browser filled it in puzzled.
    """

    widget = HoneypotInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", "")
        kwargs.setdefault("max_length", 255)
        super().__init__(**kwargs)


def honeypot_field() -> HoneypotField:
    """The honeypot every public form gets, with or without reCAPTCHA."""
    return HoneypotField()


class ScoredReCaptchaV3(ReCaptchaV3):
    """v3 widget that also accepts the token under v2's name, for headless clients."""

    def value_from_datadict(self, data, files, name):
        return data.get(name) or data.get(RESPONSE_FIELD)


class CaptchaField(ReCaptchaField):
    """reCAPTCHA field that reports the client address the rate limiter trusts.

    django-recaptcha sends Google the first X-Forwarded-For entry, which any client can forge;
    this uses the address taken from the configured number of trusted proxies instead.
    """

    def get_remote_ip(self):
        request = _calling_request()
        return client_ip(request) if request is not None else None


def _calling_request():
    # The field API gives no access to the request; django-recaptcha finds it the same way.
    frame = sys._getframe(2)
    while frame:
        request = frame.f_locals.get("request")
        if request is not None and hasattr(request, "META"):
            return request
        frame = frame.f_back
    return None


def captcha_field() -> django_forms.Field | None:
    """The captcha field every public form gets, or None when no keys are configured."""
    config = captcha_config()
    if config is None:
        return None
    if config.version == "v3":
        widget = ScoredReCaptchaV3(action=V3_ACTION, required_score=config.required_score)
    else:
        widget = ReCaptchaV2Checkbox()
    return CaptchaField(
        public_key=config.public_key,
        private_key=config.private_key,
        widget=widget,
        label="",
    )

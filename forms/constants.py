"""Names shared by models, forms and the API: field types and keys no field may take."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from privacy.conf import default_language  # noqa: F401  (a translated page's source is in it)
from privacy.policy_facts import AGE_LINE as POLICY_AGE_LINE


class FieldType(models.TextChoices):
    SINGLELINE = "singleline", _("Single line text")
    MULTILINE = "multiline", _("Multi-line text")
    EMAIL = "email", _("E-mail")
    PHONE = "phone", _("Phone")
    NUMBER = "number", _("Number")
    DATE = "date", _("Date")
    DROPDOWN = "dropdown", _("Drop-down")
    RADIO = "radio", _("Radio buttons")
    CHECKBOXES = "checkboxes", _("Checkboxes")
    CHECKBOX = "checkbox", _("Checkbox")
    HIDDEN = "hidden", _("Hidden field")
    FILE = "file", _("File upload")
    PURPOSE = "purpose", _("Purpose consent")


key_validator = RegexValidator(
    r"^[a-z][a-z0-9_]{0,63}$",
    _("Lower-case letters, digits and underscores, starting with a letter."),
)
# The honeypot every public form carries: hidden from people, filled in by robots.
HONEYPOT_FIELD_NAME = "homepage"
RESERVED_KEYS = frozenset(
    {"captcha", HONEYPOT_FIELD_NAME, "csrfmiddlewaretoken", "submit_time", "locale"}
)

# What a form meant for adults (an internship, an event) tells a minor: the privacy policy's
# own line, one wording for every app (``AbstractFormPage.form_age_line``).
AGE_LINE = POLICY_AGE_LINE

# The purpose every protected form states in a notice (rate limit, honeypot, reCAPTCHA).
FORM_PROTECTION_PURPOSE = "form-protection"

CHOICE_TYPES = frozenset({FieldType.DROPDOWN, FieldType.RADIO, FieldType.CHECKBOXES})

# The thank-you page of a form page: ``<page url>sent/``, where a stored submission redirects.
LANDING_PATH = "sent"

# The HTML page and the API share one rate-limit budget per client under this scope.
RATE_SCOPE = "forms"

# Auditors read the file download log; the inboxes' readers need no model permission.
PERMISSION_VIEW_DOWNLOAD_LOG = "forms.view_filedownloadlog"


def submission_ref(pk: int) -> str:
    """How the consent ledger names the submission a decision was given with."""
    return f"forms.FormSubmission:{pk}"

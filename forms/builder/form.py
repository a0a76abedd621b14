"""The form a form page's fields make: its checks, its notices, and its variant for staff."""

from __future__ import annotations

from django import forms as django_forms
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm

from privacy.models import ConsentSource, Purpose
from privacy.selectors import purpose_get, purpose_notices

from ..cache import cached
from ..captcha import HONEYPOT_MESSAGE, RESPONSE_FIELD
from ..constants import FORM_PROTECTION_PURPOSE, HONEYPOT_FIELD_NAME
from .fields import PurposeConsentField, PurposeNoticeField

CAPTCHA_FIELD_NAME = "captcha"

# Sent with the HTML form by Django and the reCAPTCHA widget; not answers to the form.
IGNORED_KEYS = frozenset({"csrfmiddlewaretoken", RESPONSE_FIELD})


class SubmissionForm(BaseForm):
    """Wagtail's form base, refusing names the form does not ask for.

    A consent box sent for a purpose this form does not ask about must be an error the
    visitor sees, never a silent no-op; the API refuses such keys the same way.
    """

    # The page's locale, set by the builder: the notices are stated in its language.
    notice_locale = None
    # Whether the page's submissions have an end a purpose may count from (see
    # ``AbstractFormPage.submission_has_end``): its notices state that start alone.
    notice_has_end: bool | None = None

    @cached_property
    def notices(self):
        """The collection notices this form states, in field order (shown above the button),
        then how the form is protected against abuse (rate limit, honeypot, reCAPTCHA).

        Built when the page renders them, not when a submission is validated.
        """
        purposes = [
            field.purpose
            for field in self.fields.values()
            if isinstance(field, PurposeNoticeField) and field.purpose is not None
        ]
        protection = self.protection_purpose
        if protection is not None:
            purposes.append(protection)
        return purpose_notices(purposes, self.notice_locale, has_end=self.notice_has_end)

    @property
    def asks_after_consent(self) -> bool:
        """Whether a question shows once its consent box is ticked (the page then loads
        ``forms/js/consent-fields.js``)."""
        return any(getattr(f, "requires_consent", "") for f in self.fields.values())

    @cached_property
    def protection_purpose(self) -> Purpose | None:
        """The ``form-protection`` purpose in the form's language, when the site has it.

        Kept with the form definitions (:mod:`forms.cache`), which any edit of a purpose
        retires: the notices and the API's check of the revisions shown both ask for it.
        """
        if HONEYPOT_FIELD_NAME not in self.fields:
            return None
        locale = self.notice_locale
        code = locale.language_code if locale is not None else get_language() or ""
        # In a tuple: the cache takes None for a miss, and a site may have no such purpose.
        (purpose,) = cached(
            f"protection-purpose:{code}",
            lambda: (purpose_get(key=FORM_PROTECTION_PURPOSE, locale=locale),),
        )
        return purpose

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get(HONEYPOT_FIELD_NAME):
            raise django_forms.ValidationError(HONEYPOT_MESSAGE, code="honeypot")
        if self.is_bound:
            unknown = sorted((set(self.data) | set(self.files)) - set(self.fields) - IGNORED_KEYS)
            if unknown:
                raise django_forms.ValidationError(
                    _("This form has no field named %(keys)s."),
                    code="unknown_field",
                    params={"keys": ", ".join(unknown)},
                )
        return cleaned_data


def form_on_behalf(page, *args, **kwargs) -> SubmissionForm:
    """``page``'s own form for staff who take a submission down for someone (by phone, at
    the desk): the same questions and checks, without the fields against robots, and
    without consent boxes, which only the person can tick (through their own links later).
    Its notices are recorded as stated by staff (``ConsentSource.ADMIN``)."""
    form = page.get_form(*args, page=page, user=None, **kwargs)
    for name, field in list(form.fields.items()):
        robots = name in (CAPTCHA_FIELD_NAME, HONEYPOT_FIELD_NAME)
        if robots or isinstance(field, PurposeConsentField):
            del form.fields[name]
    # Asked as the page asks them, in its language, whatever the admin's.
    with translation.override(page.locale.language_code):
        for field in form.fields.values():
            field.label, field.help_text = str(field.label or ""), str(field.help_text or "")
    form.consent_source = ConsentSource.ADMIN
    return form

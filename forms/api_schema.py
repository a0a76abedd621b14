"""What the headless forms API reads: the form page a request names, in the language it
asks for, and the form's schema as a front end shows it (fields, purposes, captcha).

The same form the HTML page builds (``page.get_form(...)``) is described, so the two cannot
disagree on what is asked.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext as _
from ninja.errors import HttpError
from wagtail.models import Page

from privacy.selectors import consent_withdrawal_text, purpose_is_consent, purpose_notices

from . import conf
from .cache import cached
from .captcha import RESPONSE_FIELD, V3_ACTION, captcha_config
from .files import EXTENSIONS
from .models import AbstractFormPage, FieldType, FormPage
from .selectors import view_restrictions_exist

# Primary keys are 64-bit signed integers; a larger id names no page, and SQLite raises
# OverflowError rather than finding nothing, so such ids are answered before any query.
MAX_PAGE_ID = 2**63 - 1


def _live_forms(model: type[AbstractFormPage] = FormPage):
    # The inbox and its purpose come along: storing a submission reads both. Wagtail's
    # ``public()`` reads every view restriction first; with none on the site, all are public.
    pages = model.objects.live()
    if view_restrictions_exist():
        pages = pages.public()
    return pages.select_related("locale", "inbox__purpose")


def _form_model(page_id: int) -> type[AbstractFormPage] | None:
    """The page type of a live, public page ``page_id`` when it is a form of any kind."""
    # A page never changes type, so its type is read once; whether it is live and public
    # is asked with the page itself.
    content_type_id = cached(
        f"page-type:{page_id}",
        lambda: Page.objects.filter(pk=page_id).values_list("content_type", flat=True).first(),
    )
    if content_type_id is None:
        return None
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return model if model is not None and issubclass(model, AbstractFormPage) else None


def _requested_codes(request: HttpRequest, locale: str | None) -> list[str]:
    if locale:
        return [locale.lower()]
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    if not header:
        return []
    weighted = []
    for position, entry in enumerate(header.split(",")):
        code, _sep, params = entry.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        if code and code != "*" and quality > 0:
            weighted.append((-quality, position, code.lower()))
    return [code for *_order, code in sorted(weighted)]


def form_page_for(request: HttpRequest, page_id: int, locale: str | None) -> AbstractFormPage:
    """The live, public form page ``page_id`` (of any form page type) in the requested
    language when translated."""
    if not 1 <= page_id <= MAX_PAGE_ID:
        raise HttpError(404, _("No form with this id."))
    model = _form_model(page_id)
    page = _live_forms(model).filter(pk=page_id).first() if model is not None else None
    if page is None:
        raise HttpError(404, _("No form with this id."))
    codes = _requested_codes(request, locale)
    if not codes or page.locale.language_code in codes[:1]:
        return page
    translations = {
        candidate.locale.language_code.lower(): candidate
        for candidate in _live_forms(model).filter(translation_key=page.translation_key)
    }
    for code in codes:
        for candidate in (code, code.split("-")[0]):
            if candidate in translations:
                return translations[candidate]
    return page


def _default(value):
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    return str(value)


def purpose_schema(purpose, *, key: str, notice) -> dict:
    """A purpose as a headless front end shows it: a consent box, or a notice."""
    return {
        "key": purpose.key,
        "field": key,
        "kind": "consent" if purpose_is_consent(purpose) else "notice",
        "name": purpose.name,
        "text": purpose.consent_text,
        "legal_basis": purpose.legal_basis,
        "legal_basis_label": notice.legal_basis,
        "retention": notice.retention,
        "recipients": purpose.recipients,
        "controller": notice.controller,
        "policy_url": notice.policy_url or None,
        "revision_id": purpose.latest_revision_id,
        "required": False,
        "interest": notice.interest,
        "objection": notice.objection,
        "withdrawal": consent_withdrawal_text() if purpose_is_consent(purpose) else "",
    }


def form_schema(page: AbstractFormPage, request: HttpRequest) -> dict:
    with translation.override(page.locale.language_code):
        form = page.get_form(page=page, user=request.user)
        fields, purposes = [], []
        for field in page.get_form_fields():
            key = field.form_key
            formfield = form.fields.get(key)
            if formfield is None:
                continue
            out = {
                "key": key,
                "type": field.field_type,
                "label": str(formfield.label or ""),
                "help_text": str(formfield.help_text or ""),
                "required": formfield.required,
                "choices": [
                    {"value": str(value), "label": str(label)}
                    for value, label in getattr(formfield, "choices", ())
                    if value != ""
                ],
                "default": _default(formfield.initial),
                "requires_consent": getattr(formfield, "requires_consent", "") or None,
            }
            if field.field_type == FieldType.FILE:
                out["file"] = {
                    "kinds": list(formfield.kinds),
                    "extensions": [ext for kind in formfield.kinds for ext in EXTENSIONS[kind]],
                    "max_size": formfield.max_size,
                }
            if field.field_type == FieldType.PURPOSE:
                purpose = getattr(formfield, "purpose", None)
                if purpose is not None:
                    out["purpose"] = purpose.key
                    purposes.append((purpose, key))
            fields.append(out)
        # How the form is protected is stated as a notice too, with nothing to send.
        protection = getattr(form, "protection_purpose", None)
        if protection is not None:
            purposes.append((protection, ""))
        notices = purpose_notices(
            [purpose for purpose, _key in purposes],
            page.locale,
            has_end=page.submission_has_end,
        )
        purposes = [
            purpose_schema(purpose, key=key, notice=notice)
            for (purpose, key), notice in zip(purposes, notices, strict=True)
        ]
        age_line = str(page.form_age_line())
    config = captcha_config()
    recaptcha = None
    if config is not None:
        recaptcha = {
            "site_key": config.public_key,
            "version": config.version,
            "action": V3_ACTION if config.version == "v3" else None,
            "response_field": RESPONSE_FIELD,
        }
    translations = {
        candidate.locale.language_code: candidate.pk
        for candidate in _live_forms(type(page)).filter(translation_key=page.translation_key)
    }
    return {
        "accepts_submissions": page.accepts_submissions(),
        "id": page.pk,
        "title": page.title,
        "locale": page.locale.language_code,
        "translations": translations,
        "fields": fields,
        "purposes": purposes,
        "age_line": age_line,
        "recaptcha": recaptcha,
        "max_body_size": conf.request_max_body_size(),
    }

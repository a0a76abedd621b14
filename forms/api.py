"""The headless forms API: a form's schema, and submissions to it.

Submissions are validated by the very Django form the HTML page uses
(``page.get_form(...)``) and stored by :func:`forms.services.submission_create`, so the
site and a headless front end cannot disagree on what is accepted or how it is kept.

CSRF: these endpoints take no session or cookie authentication (django-ninja checks CSRF
only for cookie-based auth, and none is configured here). A forged cross-site POST can do
no more than any anonymous visitor can, submit a public form; nothing is attributed to a
signed-in user. reCAPTCHA and the per-client rate limit protect the endpoint instead.
"""

from __future__ import annotations

import json

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation, TooManyFieldsSent
from django.http import HttpRequest, JsonResponse, UnreadablePostError
from django.http.multipartparser import MultiPartParserError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Router, Status
from ninja.errors import HttpError
from wagtail.models import Page

from privacy.models import ConsentSource
from privacy.selectors import consent_withdrawal_text, purpose_is_consent, purpose_notices

from . import conf, ratelimit, services
from .cache import cached
from .captcha import RESPONSE_FIELD, V3_ACTION, captcha_config
from .constants import RATE_SCOPE
from .files import EXTENSIONS
from .models import AbstractFormPage, FieldType, FormPage
from .scan import SCANNER_UNAVAILABLE, ScannerUnavailable
from .schemas import DetailOut, ErrorsOut, FormOut, SubmissionCreatedOut, detail_body

router = Router(tags=["forms"])

CLOSED = gettext_lazy("This form no longer takes submissions.")

FORM_CONTENT_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")
# Sent by browsers posting the HTML form to the API; not a question of the form.
IGNORED_KEYS = frozenset({"csrfmiddlewaretoken"})
# The purpose revisions a headless front end showed: {"<purpose key>": <revision_id>}.
REVISIONS_FIELD = "purpose_revisions"
STALE = gettext_lazy(
    "The text of “%(name)s” has changed since the form was loaded. Nothing was stored; "
    "please load the form again and read it before sending."
)
# Primary keys are 64-bit signed integers; a larger id names no page, and SQLite raises
# OverflowError rather than finding nothing, so such ids are answered before any query.
MAX_PAGE_ID = 2**63 - 1

SUBMISSION_BODY = {
    "required": True,
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "description": (
                    "One part per field key from the form's schema; files as file parts; "
                    "consent boxes as 'on' when ticked (left out when not; nothing for a "
                    "notice); the reCAPTCHA "
                    "token under the schema's recaptcha.response_field; and, under "
                    "purpose_revisions, a JSON object naming the revision_id of each purpose "
                    "the front end showed (by purpose key). The consent proofs name those "
                    "revisions; one that is no longer current is refused with 409."
                ),
                "additionalProperties": True,
            }
        }
    },
}


def _live_forms(model: type[AbstractFormPage] = FormPage):
    # The inbox and its purpose come along: storing a submission reads both.
    return model.objects.live().public().select_related("locale", "inbox__purpose")


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


@router.get(
    "/{page_id}",
    response={200: FormOut, 400: ErrorsOut, 404: DetailOut},
    summary="A form's schema",
    url_name="form_schema",
)
def form_detail(request: HttpRequest, page_id: int, locale: str | None = None):
    """The fields, consent purposes and captcha of a form, in the requested language.

    The language comes from ``?locale=`` or else ``Accept-Language``; the page's own
    language is used when the form has no live translation in it. Keys are the same in
    every language.
    """
    return form_schema(form_page_for(request, page_id, locale), request)


def _errors(**errors: list[str]) -> Status:
    return Status(400, {"errors": errors})


def _shown_revisions(data) -> tuple[dict[str, int], str]:
    """The purpose revisions the front end says it showed, or why they cannot be read."""
    raw = data.get(REVISIONS_FIELD)
    if raw is None:
        return {}, ""
    try:
        shown = json.loads(raw)
    except ValueError:
        shown = None
    if not isinstance(shown, dict) or not all(
        isinstance(key, str) and isinstance(value, int) and not isinstance(value, bool)
        for key, value in shown.items()
    ):
        return {}, _("Send a JSON object of purpose keys and the revision_id shown for each.")
    return shown, ""


def _revision_problem(form, shown: dict[str, int]) -> Status | None:
    """A 400 for a purpose this form does not show, a 409 for a revision not current."""
    purposes = {
        field.purpose.key: field.purpose
        for field in form.fields.values()
        if getattr(field, "purpose", None) is not None
    }
    protection = getattr(form, "protection_purpose", None)
    if protection is not None:
        purposes[protection.key] = protection
    unknown = sorted(set(shown) - set(purposes))
    if unknown:
        message = _("This form shows no purpose %(keys)s.") % {"keys": ", ".join(unknown)}
        return _errors(**{REVISIONS_FIELD: [message]})
    for key, revision in shown.items():
        if purposes[key].latest_revision_id != revision:
            return Status(409, detail_body(STALE % {"name": purposes[key].name}))
    return None


def _read_body(request: HttpRequest):
    content_type = request.META.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
    if content_type not in FORM_CONTENT_TYPES:
        return None, _("Send the form as multipart/form-data.")
    try:
        data, files = request.POST, request.FILES
    except (
        MultiPartParserError,
        UnreadablePostError,
        RequestDataTooBig,
        TooManyFieldsSent,
        SuspiciousOperation,
        ValueError,
    ):
        return None, _("The request body could not be read as multipart/form-data.")
    if not data and not files and int(request.META.get("CONTENT_LENGTH") or 0) > 0:
        return None, _("The request body could not be read as multipart/form-data.")
    return (data, files), None


@router.post(
    "/{page_id}/submissions",
    response={
        201: SubmissionCreatedOut,
        400: ErrorsOut,
        404: DetailOut,
        409: DetailOut,
        413: DetailOut,
        429: DetailOut,
        503: DetailOut,
    },
    summary="Submit a form",
    url_name="form_submission_create",
    openapi_extra={"requestBody": SUBMISSION_BODY},
)
def form_submit(request: HttpRequest, page_id: int, locale: str | None = None):
    """Validate and store a submission; nothing is stored unless all of it is valid.

    A form that no longer takes submissions (a closed vacancy), or whose page refuses this
    one (an address already registered), answers 409 and stores nothing. Keys
    the form does not have are refused rather than ignored, so a consent sent for a
    purpose this form does not ask about is an error, never a silent no-op. Bodies over
    ``REQUEST_MAX_BODY_SIZE`` are refused with 413 before they are read.

    Consents are recorded with the source ``api`` and the purpose revisions named under
    ``purpose_revisions``; a revision that is no longer current answers 409 and stores
    nothing, since the person read words the site no longer uses.
    """
    page = form_page_for(request, page_id, locale)
    if not page.accepts_submissions():
        with translation.override(page.locale.language_code):
            return Status(409, detail_body(CLOSED))
    if ratelimit.rate_limited(request, scope=RATE_SCOPE):
        response = JsonResponse(detail_body(ratelimit.MESSAGE), status=429)
        response["Retry-After"] = str(ratelimit.retry_after())
        return response
    with translation.override(page.locale.language_code):
        body, problem = _read_body(request)
        if problem:
            return _errors(__all__=[problem])
        data, files = body
        shown, problem = _shown_revisions(data)
        if problem:
            return _errors(**{REVISIONS_FIELD: [problem]})
        if REVISIONS_FIELD in data:
            data = data.copy()
            del data[REVISIONS_FIELD]
        form = page.get_form(data, files, page=page, user=request.user)
        unknown = (set(data) | set(files)) - set(form.fields) - IGNORED_KEYS - {RESPONSE_FIELD}
        if unknown:
            return _errors(**{key: [_("This form has no field with this key.")] for key in unknown})
        try:
            valid = form.is_valid()
        except ScannerUnavailable:
            return Status(503, detail_body(SCANNER_UNAVAILABLE))
        if not valid:
            return Status(
                400,
                {
                    "errors": {
                        field: [error["message"] for error in messages]
                        for field, messages in form.errors.get_json_data().items()
                    }
                },
            )
        stale = _revision_problem(form, shown)
        if stale is not None:
            return stale
        # The proofs say the decisions came from a headless front end.
        form.consent_source = ConsentSource.API
        try:
            submission = page.submission_store(form)
        except services.SubmissionRefused as refusal:
            return Status(409, detail_body(refusal.message))
        except services.SubmissionNotStored:
            message = _(
                "Your submission could not be stored. Nothing was kept; please try again later."
            )
            return Status(503, detail_body(message))
    return Status(201, {"id": submission.pk})

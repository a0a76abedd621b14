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

from django.core.exceptions import RequestDataTooBig, SuspiciousOperation, TooManyFieldsSent
from django.http import HttpRequest, JsonResponse, UnreadablePostError
from django.http.multipartparser import MultiPartParserError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Router, Status

from privacy.models import ConsentSource

from . import ratelimit, services
from .api_schema import MAX_PAGE_ID, form_page_for, form_schema, purpose_schema
from .captcha import RESPONSE_FIELD
from .constants import RATE_SCOPE
from .scan import SCANNER_UNAVAILABLE, ScannerUnavailable
from .schemas import DetailOut, ErrorsOut, FormOut, SubmissionCreatedOut, detail_body

# What the endpoints read lives in ``api_schema``; the names stay importable from here.
__all__ = [
    "MAX_PAGE_ID",
    "form_detail",
    "form_page_for",
    "form_schema",
    "form_submit",
    "purpose_schema",
    "router",
]

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
    one, answers 409 and stores nothing. A submission the page withholds (an address
    already registered for an event) is answered 201 as a first one is, storing nothing. Keys
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
        except services.SubmissionWithheld:
            # Answered as a stored submission of this page is, so nobody learns why not.
            return Status(201, {"id": None})
        except services.SubmissionRefused as refusal:
            return Status(409, detail_body(refusal.message))
        except services.SubmissionNotStored:
            message = _(
                "Your submission could not be stored. Nothing was kept; please try again later."
            )
            return Status(503, detail_body(message))
    return Status(201, {"id": page.api_submission_id(submission)})

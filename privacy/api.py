"""The headless newsletter sign-up: its topics, and asking for a subscription.

The same double opt-in as the footer's form (:func:`privacy.services.preferences.signup_request`):
nothing is recorded as a consent until the person follows the link mailed to them, and the
answer is the same whatever the address, so it tells nobody who is subscribed.
"""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from . import conf, ratelimit
from .api_cookies import ErrorsOut
from .public_forms import NewsletterSignupForm
from .selectors import purpose_policy_url
from .services import preferences as services

router = Router(tags=["privacy"])


class TopicOut(Schema):
    key: str = Field(description="Send it in `topics` to subscribe to it.")
    name: str
    text: str = Field(description="The consent text shown beside the unticked box.")
    policy_url: str | None = Field(description="The topic's entry in the privacy policy.")


class NewsletterOut(Schema):
    locale: str
    topics: list[TopicOut]


class SignupIn(Schema):
    email: str = Field(max_length=254)
    topics: list[str] = Field(description="Keys of the topics ticked; at least one.")
    locale: str | None = Field(None, description="Language of the confirmation mail.")


class SignupOut(Schema):
    detail: str = Field(description="What to tell the visitor: check your mailbox.")


class DetailOut(Schema):
    detail: str
    errors: dict[str, list[str]]


def _language(locale: str | None) -> str:
    codes = [code for code, _name in conf.content_languages()]
    requested = (locale or translation.get_language() or "").lower()
    for candidate in (requested, requested.split("-")[0]):
        if candidate in codes:
            return candidate
    return codes[0]


@router.get(
    "/newsletter",
    response={200: NewsletterOut, 400: ErrorsOut},
    summary="Newsletter topics",
)
def newsletter_topics(request: HttpRequest, locale: str | None = None):
    """The topics a visitor may subscribe to, as unticked boxes, in the requested language."""
    code = _language(locale)
    return {
        "locale": code,
        "topics": [
            {
                "key": purpose.key,
                "name": purpose.name,
                "text": purpose.consent_text,
                "policy_url": purpose_policy_url(purpose, code) or None,
            }
            for purpose in services.topic_purposes(locale=code)
        ],
    }


@router.post(
    "/newsletter",
    response={202: SignupOut, 400: ErrorsOut, 429: DetailOut},
    summary="Ask for a newsletter subscription",
    url_name="newsletter_signup_api",
)
def newsletter_signup(request: HttpRequest, payload: SignupIn):
    """Mail the address a link to confirm; the subscription starts only when it is followed.

    202 whatever the address (subscribed or not, a repeat within minutes sends nothing), 400
    ``{"errors": ...}`` for a bad address or no known topic, 429 over ``PRIVACY_RATE_LIMIT``.
    """
    code = _language(payload.locale)
    with translation.override(code):
        purposes = services.topic_purposes(locale=code)
        form = NewsletterSignupForm(
            {"email": payload.email, "topics": payload.topics}, purposes=purposes
        )
        if ratelimit.rate_limited(request, scope="newsletter"):
            message = _(
                "We received too many requests from your address. Please wait a minute and "
                "try again."
            )
            response = JsonResponse(
                {"detail": message, "errors": {"__all__": [message]}}, status=429
            )
            response["Retry-After"] = str(ratelimit.retry_after())
            return response
        if not form.is_valid():
            return Status(
                400,
                {
                    "errors": {
                        field: [error["message"] for error in messages]
                        for field, messages in form.errors.get_json_data().items()
                    }
                },
            )
        services.signup_request(
            email=form.cleaned_data["email"], topics=form.cleaned_data["topics"], locale=code
        )
        return Status(202, {"detail": _("Check your mailbox: we sent you a link to confirm.")})

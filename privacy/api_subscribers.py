"""The e-mail campaign provider's side of the newsletter: who to send to, and who left.

Consents live in the site's ledger; the newsletters are sent by an outside provider. The
provider fetches the current subscribers of a topic before each mailing, and its
unsubscribe webhook tells the site, which records the withdrawal in the ledger. Both need
the provider's key (``PRIVACY_CAMPAIGN_API_KEY``) as a bearer token; without a key set,
both refuse everyone. The key travels in a header, never in the URL, so no log holds it.
"""

from __future__ import annotations

import hmac
from datetime import datetime

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from ninja.security import HttpBearer

from . import conf
from .api import DetailOut
from .selectors import subscribers_current
from .services.consent import normalise_email
from .services.preferences import subscription_withdraw


class CampaignProviderKey(HttpBearer):
    """``Authorization: Bearer <PRIVACY_CAMPAIGN_API_KEY>``; compared in constant time."""

    def authenticate(self, request: HttpRequest, token: str):
        key = conf.campaign_api_key()
        if key and hmac.compare_digest(token.encode(), key.encode()):
            return "campaign-provider"
        return None

    def __call__(self, request: HttpRequest):
        if super().__call__(request) is None:
            raise HttpError(401, _("A valid key of the e-mail campaign provider is required."))
        return "campaign-provider"


router = Router(tags=["privacy"], auth=CampaignProviderKey())


class SubscriberOut(Schema):
    email: str
    locale: str = Field(description="The language to write to them in.")
    since: datetime = Field(description="When the consent in force was given.")


class SubscribersOut(Schema):
    topic: str
    count: int
    subscribers: list[SubscriberOut]


class UnsubscribeIn(Schema):
    email: str = Field(max_length=254)
    topics: list[str] | None = Field(
        None, description="Topic keys the person left; none or empty: every topic."
    )


class UnsubscribeOut(Schema):
    withdrawn: int = Field(description="How many topics' consents this ended.")


@router.get(
    "/subscribers/{topic}",
    response={200: SubscribersOut, 400: DetailOut, 401: DetailOut},
    summary="Current subscribers of a newsletter topic",
)
def subscribers(request: HttpRequest, response: HttpResponse, topic: str):
    """Every address whose consent to ``topic`` is in force now, with its language.

    Fetch it before each mailing and send to no one else: people who withdrew, were erased
    or restricted their processing since are no longer in it. Never cached.
    """
    add_never_cache_headers(response)
    if topic not in conf.newsletter_topics():
        raise HttpError(400, _("This is not a newsletter topic."))
    rows = [
        {"email": row.subject_email, "locale": row.locale, "since": row.recorded_at}
        for row in subscribers_current(topics=[topic])
    ]
    return {"topic": topic, "count": len(rows), "subscribers": rows}


@router.post(
    "/unsubscribe",
    response={200: UnsubscribeOut, 400: DetailOut, 401: DetailOut},
    summary="Record an unsubscription received by the campaign provider",
    url_name="campaign_unsubscribe",
)
def unsubscribe(request: HttpRequest, payload: UnsubscribeIn):
    """The provider's unsubscribe webhook: the ledger records the withdrawal (source
    ``api``), and the person is out of the next export. Unknown addresses withdraw nothing."""
    try:
        email = normalise_email(payload.email)
    except ValidationError as error:
        raise HttpError(400, _("Enter a valid e-mail address.")) from error
    unknown = set(payload.topics or ()) - set(conf.newsletter_topics())
    if unknown:
        raise HttpError(400, _("This is not a newsletter topic."))
    return {"withdrawn": subscription_withdraw(email=email, topics=payload.topics or None)}

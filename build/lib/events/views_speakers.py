"""A training's registration list as its speakers see it, through their signed link.

The token names one :class:`~events.models.SpeakerLink`, and the link one training: the page
shows that training's list and nothing of any other. Every opening is logged before the list
is shown. An altered or revoked link gets privacy's 400 page, a link whose training has ended
its 410 page, and neither says which training it was for.
"""

from __future__ import annotations

from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from privacy.views.links import link_refused

from . import services
from .links import LinkInvalid, speaker_link_from_token
from .selectors import trainees_for_speakers


@require_safe
@never_cache
def speaker_list(request, token: str):
    try:
        link = speaker_link_from_token(token)
    except LinkInvalid as error:
        return link_refused(request, error, what="speaker")
    services.speaker_access_log(link=link)
    event = link.event
    context = {
        "link": link,
        "event": event,
        "training": event.localized,
        "trainees": trainees_for_speakers(event=event),
    }
    response = TemplateResponse(request, "events/speaker_list.html", context)
    # The token is in the address: it must not leak to another site through a Referer.
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response

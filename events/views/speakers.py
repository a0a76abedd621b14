"""A training's registration list as its speakers see it, through their signed link.

The token names one :class:`~events.models.SpeakerLink`, and the link one training: the page
shows that training's list and nothing of any other. Every opening is logged before the list
is shown. An altered or revoked link gets privacy's 400 page, a link whose training has ended
its 410 page, and neither says which training it was for.
"""

from __future__ import annotations

from privacy.views.links import SignedLinkView

from .. import services
from ..selectors import registrations_for_checkin
from ..services.links import speaker_link_from_token


class SpeakerListView(SignedLinkView):
    template_name = "events/speaker_list.html"
    http_method_names = ["get", "head"]
    refusal = "speaker"
    # The page has no button: no Referer at all.
    referrer_policy = "no-referrer"

    def load(self, token):
        return speaker_link_from_token(token)

    def get(self, request, *args, **kwargs):
        services.speaker_access_log(link=self.object)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        event = self.object.event
        return super().get_context_data(
            link=self.object,
            event=event,
            training=event.localized,
            # Confirmed trainees by name: first name, name and e-mail are shown.
            trainees=registrations_for_checkin(event=event),
            **kwargs,
        )


speaker_list = SpeakerListView.as_view()

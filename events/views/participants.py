"""The participant list's two ways in: a public event's own page, and each confirmed
participant's signed link (the default audience).

Either way the page is kept out of search engines (``noindex`` in the page and the headers)
and out of the sitemap, and shows only who confirmed their address and did not object. A
registrant's button on it (POST) confirms their address, which puts their own name on it.
"""

from __future__ import annotations

from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from privacy.views.links import kept_private

from .. import services
from ..registration_form import audience_text
from ..selectors import participants_listed
from .links import RegistrationLinkView

TEMPLATE = "events/participant_list.html"


def public_participant_list(request, *, page):
    """The list of an event whose editor made it public; 404 for every other event."""
    event = page.get_source_page()
    if not event.participant_list_is_public:
        raise Http404(_("This event has no public participant list."))
    context = {
        "page": page,
        "event": event,
        "audience": audience_text(event),
        "participants": participants_listed(event=event),
    }
    return kept_private(TemplateResponse(request, TEMPLATE, context))


class RegistrationParticipantsView(RegistrationLinkView):
    """The list through a registrant's link: for confirmed participants of an event that has
    a list. Others get a page saying why, and see no name."""

    template_name = TEMPLATE

    def refusal_reason(self) -> str:
        registration = self.object
        if not registration.event.has_participant_list:
            return _("This event has no participant list.")
        if not registration.is_confirmed:
            return _("The participant list is for confirmed participants of this event.")
        return ""

    def get_context_data(self, **kwargs):
        reason = self.refusal_reason()
        registration = self.object
        return super().get_context_data(
            refused=reason,
            participants=[] if reason else participants_listed(event=registration.event),
            listed=registration.link_followed_at is not None and not registration.hidden_from_list,
            own_link=True,
            audience=audience_text(registration.event),
            choices_url=reverse(
                "events:registration_choices", kwargs={"token": self.kwargs["token"]}
            ),
            **kwargs,
        )

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if self.refusal_reason():
            response.status_code = 403
        return response

    def act(self):
        if self.refusal_reason():
            return self.render_to_response(self.get_context_data(), status=403)
        services.registration_address_confirm(registration=self.object)
        return {"confirmed": True}


registration_participants = RegistrationParticipantsView.as_view()

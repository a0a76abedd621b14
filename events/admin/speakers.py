"""Organisers give a training's speakers their links to its registration list.

The organiser picks the speaker and types the address the link goes to: the address is kept
on the link (to know where it went, and whose openings the log counts), never on the
:class:`~events.models.Speaker` snippet, which is public. A link can be revoked at once.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import FormView, View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .. import services
from ..constants import EventKind
from ..models import Speaker, SpeakerLink
from .listing import EventScopedMixin


class SpeakerLinkForm(forms.Form):
    speaker = forms.ModelChoiceField(label=gettext_lazy("Speaker"), queryset=None)
    email = forms.EmailField(
        label=gettext_lazy("Send the link to"),
        help_text=gettext_lazy("Kept with the link only, not on the speaker."),
    )
    language = forms.ChoiceField(label=gettext_lazy("Language of the e-mail"), choices=())

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        ids = [speaker.pk for speaker in event.speakers()]
        self.fields["speaker"].queryset = Speaker.objects.filter(pk__in=ids).order_by("name")
        self.fields["language"].choices = settings.LANGUAGES
        self.fields["language"].initial = event.locale.language_code


class SpeakerLinksView(EventScopedMixin, WagtailAdminTemplateMixin, FormView):
    """A training's speaker links: send a new one, see where each went and how often it was
    opened, revoke one."""

    template_name = "events/admin/speaker_links.html"
    form_class = SpeakerLinkForm
    page_title = gettext_lazy("Speaker links")

    def get(self, request, *args, **kwargs):
        if self.event.kind != EventKind.TRAINING:
            return redirect("events_registrations:event", self.event.pk)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.event.kind != EventKind.TRAINING or self.event.is_past():
            messages.error(request, _("Speaker links are for trainings that have not ended."))
            return redirect("events_registrations:event", self.event.pk)
        return super().post(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.event.localized.title

    event_crumbs = [{"url": "", "label": gettext_lazy("Speaker links")}]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "event": self.event}

    def form_valid(self, form):
        link = services.speaker_link_send(
            event=self.event,
            speaker=form.cleaned_data["speaker"],
            email=form.cleaned_data["email"],
            locale=form.cleaned_data["language"],
        )
        messages.success(
            self.request,
            _("The link for %(name)s is on its way to %(email)s.")
            % {"name": link.speaker_name, "email": link.email},
        )
        return redirect("events_registrations:speaker_links", self.event.pk)

    def get_context_data(self, **kwargs):
        links = SpeakerLink.objects.filter(event=self.event).annotate(openings=Count("accesses"))
        return super().get_context_data(links=links.order_by("-created_at", "-pk"), **kwargs)


@method_decorator(require_POST, name="dispatch")
class SpeakerLinkRevokeView(EventScopedMixin, View):
    def post(self, request, event_pk: int, link_pk: int):
        link = get_object_or_404(SpeakerLink, pk=link_pk, event=self.event)
        services.speaker_link_revoke(link=link)
        messages.success(
            request, _("The link for %(name)s no longer works.") % {"name": link.speaker_name}
        )
        return redirect("events_registrations:speaker_links", self.event.pk)

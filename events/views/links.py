"""The pages a registrant's signed links open: cancel, and change list or photo choices.

GET shows what will happen; only the button (POST) changes anything, so a mail scanner that
opens every link cancels nobody. An altered link gets 400, an expired one 410, a cancellation
after the event 409: each page says why, and nothing changes.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from privacy.views.links import SignedLinkView

from .. import services
from ..registration_form import audience_text
from ..selectors import photo_purpose, waiting_position
from ..services.links import registration_from_token


class ChoicesForm(forms.Form):
    """The list objection, and the photo consent in the ``event-photos`` purpose's own words
    (the form's, the check-in list's), with the revision shown so the proof names it."""

    hidden_from_list = forms.BooleanField(
        label=gettext_lazy("Do not show me on the participant list"), required=False
    )
    photo_consent = forms.BooleanField(required=False)
    photo_revision = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, purpose=None, **kwargs):
        super().__init__(*args, **kwargs)
        if purpose is None:
            del self.fields["photo_consent"], self.fields["photo_revision"]
            return
        self.fields["photo_consent"].label = purpose.consent_text
        self.fields["photo_revision"].initial = purpose.latest_revision_id


class RegistrationLinkView(SignedLinkView):
    refusal = "registration"

    def load(self, token):
        return registration_from_token(token)

    def get_context_data(self, **kwargs):
        registration = kwargs.setdefault("registration", self.object)
        page = registration.submission.page_filled_in() or registration.event
        return super().get_context_data(page=page, event=registration.event, **kwargs)


class RegistrationCancelView(RegistrationLinkView):
    template_name = "events/registration_cancel.html"
    # Refused once the event has ended; a second cancellation changes nothing.
    refusals = (services.CancellationRefused,)

    def get(self, request, *args, **kwargs):
        if self.object.event.is_past():
            return self.refused(services.CANCEL_AFTER_END)
        return super().get(request, *args, **kwargs)

    def act(self):
        return {
            "registration": services.registration_cancel(registration=self.object),
            "done": True,
        }


class RegistrationChoicesView(RegistrationLinkView):
    template_name = "events/registration_choices.html"
    # A photo consent given on words changed meanwhile: the new words, with their revision,
    # and unchanged choices to read again.
    refusals = (services.PhotoWordingChanged,)

    def _form(self, *args, **kwargs):
        purpose = photo_purpose(locale=self.object.submission.locale)
        return ChoicesForm(*args, purpose=purpose, **kwargs)

    def _initial(self) -> dict:
        registration = self.object
        return {
            "hidden_from_list": registration.hidden_from_list,
            "photo_consent": registration.photo_consent,
        }

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", self._form(initial=self._initial()))
        kwargs.setdefault("audience", audience_text(self.object.event))
        kwargs.setdefault("position", waiting_position(registration=self.object))
        return super().get_context_data(**kwargs)

    def act(self):
        registration, initial = self.object, self._initial()
        form = self._form(self.request.POST, initial=initial)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        # Saving here is the address's owner acting through their link.
        services.registration_address_confirm(registration=registration)
        hidden = form.cleaned_data["hidden_from_list"]
        if hidden != registration.hidden_from_list:
            services.registration_object(registration=registration, hidden=hidden)
        photo = form.cleaned_data.get("photo_consent", registration.photo_consent)
        if photo != registration.photo_consent:
            services.registration_photo_choice(
                registration=registration,
                consent=photo,
                revision=form.cleaned_data.get("photo_revision"),
            )
        saved = initial | form.cleaned_data
        saved.pop("photo_revision", None)
        return {"form": self._form(initial=saved), "saved": True}


registration_cancel = RegistrationCancelView.as_view()
registration_choices = RegistrationChoicesView.as_view()

"""The pages a registrant's signed links open: cancel, and change list or photo choices.

GET shows what will happen; only the button (POST) changes anything, so a mail scanner that
opens every link cancels nobody. An altered link gets 400, an expired one 410, a cancellation
after the event 409: each page says why, and nothing changes.
"""

from __future__ import annotations

from django import forms
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from privacy.views.links import link_refused

from . import services
from .links import LinkInvalid, registration_from_token
from .selectors import page_in_language


class ChoicesForm(forms.Form):
    hidden_from_list = forms.BooleanField(
        label=gettext_lazy("Do not show me on the participant list"), required=False
    )
    photo_consent = forms.BooleanField(
        label=gettext_lazy("I agree to be photographed or filmed as a main subject"),
        required=False,
    )


def _context(registration, **extra) -> dict:
    page = page_in_language(registration)
    return {"registration": registration, "page": page, "event": registration.event, **extra}


@require_http_methods(["GET", "POST"])
@never_cache
def registration_cancel(request, token: str):
    try:
        registration = registration_from_token(token)
    except LinkInvalid as error:
        return link_refused(request, error, what="registration")
    template = "events/registration_cancel.html"
    if registration.event.is_past():
        context = _context(
            registration,
            refused=services.CANCEL_AFTER_END,
        )
        return TemplateResponse(request, template, context, status=409)
    if request.method == "POST" and not registration.is_cancelled:
        try:
            registration = services.registration_cancel(registration=registration)
        except services.CancellationRefused as refusal:
            context = _context(registration, refused=refusal.message)
            return TemplateResponse(request, template, context, status=409)
        return TemplateResponse(request, template, _context(registration, done=True))
    return TemplateResponse(request, template, _context(registration))


@require_http_methods(["GET", "POST"])
@never_cache
def registration_choices(request, token: str):
    try:
        registration = registration_from_token(token)
    except LinkInvalid as error:
        return link_refused(request, error, what="registration")
    initial = {
        "hidden_from_list": registration.hidden_from_list,
        "photo_consent": registration.photo_consent,
    }
    template = "events/registration_choices.html"
    if request.method == "POST":
        form = ChoicesForm(request.POST, initial=initial)
        if form.is_valid():
            hidden = form.cleaned_data["hidden_from_list"]
            if hidden != registration.hidden_from_list:
                services.registration_object(registration=registration, hidden=hidden)
            photo = form.cleaned_data["photo_consent"]
            if photo != registration.photo_consent:
                services.registration_photo_choice(registration=registration, consent=photo)
            form = ChoicesForm(initial=initial | form.cleaned_data)
            return TemplateResponse(
                request, template, _context(registration, form=form, saved=True)
            )
        return TemplateResponse(request, template, _context(registration, form=form), status=400)
    return TemplateResponse(
        request, template, _context(registration, form=ChoicesForm(initial=initial))
    )

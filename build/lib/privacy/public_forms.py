"""The visitor-facing forms of the privacy app: newsletter sign-up and data-subject requests."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Purpose, RequestKind
from .services.consent import normalise_email


class NewsletterSignupForm(forms.Form):
    """An address and one unticked box per topic; at least one topic must be chosen."""

    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    topics = forms.MultipleChoiceField(
        label=_("I would like to receive"),
        widget=forms.CheckboxSelectMultiple,
        required=True,
        error_messages={"required": _("Choose at least one subject.")},
    )

    def __init__(self, *args, purposes: list[Purpose], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].choices = [(p.key, p.name) for p in purposes]

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])


class DataRequestForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What would you like us to do?"),
        choices=RequestKind.choices,
        widget=forms.RadioSelect,
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("We send a link to this address; your request starts when you follow it."),
    )
    message = forms.CharField(
        label=_("Details"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "What should we correct, which data or photos are concerned, which consent do you "
            "withdraw? Please do not send identity documents."
        ),
    )

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])

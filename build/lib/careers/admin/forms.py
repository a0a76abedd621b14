"""The two things a recruiter writes on an application: a status change and a note."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..constants import ApplicationStatus, next_statuses


class StatusChangeForm(forms.Form):
    """Offers only the statuses the workflow allows next (``careers.constants.next_statuses``)."""

    status = forms.ChoiceField(label=_("New status"), widget=forms.RadioSelect)
    send_rejection = forms.BooleanField(
        label=_("Send the rejection e-mail"),
        required=False,
        help_text=_(
            "Only when rejecting: the applicant receives the rejection e-mail in their language."
        ),
    )

    def __init__(self, *args, application, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (status.value, status.label) for status in next_statuses(application.status)
        ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") != ApplicationStatus.REJECTED:
            cleaned["send_rejection"] = False
        return cleaned


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        strip=True,
    )

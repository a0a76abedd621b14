"""The handling screen's answers: reply per kind of request (or refuse), and close.

Mixed into the requests' viewset, which provides ``_object_for_change``, the refusal of
unconfirmed requests and the handling screen's URL.
"""

from __future__ import annotations

import io

from django import forms
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin import messages
from wagtail.log_actions import log

from ..models import ReplyOutcome
from ..services import recipients
from ..services import request_replies as replies
from ..services.access_pdf import access_report_pdf
from ..services.access_report import access_report, access_report_html


class RequestReplyForm(forms.Form):
    """The outcome (those of the request's kind, and refusal) and the officer's own words."""

    outcome = forms.ChoiceField(label=_("Answer"), widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Text added to the answer"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Written to the requester as it stands, in their language. Required to say what "
            "was corrected, which processing stopped, or why the request is refused."
        ),
    )

    def __init__(self, *args, data_request, **kwargs):
        super().__init__(*args, **kwargs)
        self.data_request = data_request
        outcomes = replies.reply_outcomes(request=data_request)
        self.fields["outcome"].choices = [(value, ReplyOutcome(value).label) for value in outcomes]
        if len(outcomes) == 2:
            self.fields["outcome"].initial = outcomes[0]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("outcome") in replies.NOTE_REQUIRED and not cleaned.get("note", "").strip():
            self.add_error("note", _("Say what was done, or why the request is refused."))
        return cleaned


class RequestReplyViews:
    """Reply and close, on the requests' viewset."""

    def reply_urlpatterns(self):
        return [
            path("reply/<int:pk>/", self.reply_view, name="reply"),
            path("close/<int:pk>/", self.close_view, name="close"),
            path("readable/<int:pk>/", self.readable_view, name="readable"),
            path("recipients/<int:pk>/", self.recipients_view, name="recipients"),
        ]

    def readable_view(self, request, pk):
        """The readable access answer, as the requester will read it (HTML, or ``?format=pdf``);
        reading it is logged like downloading the export."""
        data_request = self._object_for_change(request, pk)
        if refusal := self._refuse_unconfirmed(request, data_request):
            return refusal
        report = access_report(email=data_request.email, language=data_request.locale)
        log(instance=data_request, action="privacy.request.export", user=request.user)
        if request.GET.get("format") == "pdf":
            return FileResponse(
                io.BytesIO(access_report_pdf(report=report)),
                as_attachment=True,
                filename=f"request-{data_request.pk}-answer.pdf",
                content_type="application/pdf",
            )
        return HttpResponse(access_report_html(report=report))

    def reply_view(self, request, pk):
        data_request = self._object_for_change(request, pk)
        if refusal := self._refuse_unconfirmed(request, data_request):
            return refusal
        form = RequestReplyForm(request.POST or None, data_request=data_request)
        if request.method == "POST" and form.is_valid():
            replies.request_reply_send(
                request=data_request,
                outcome=form.cleaned_data["outcome"],
                note=form.cleaned_data["note"],
                user=request.user,
            )
            messages.success(request, _("The answer was sent to the requester."))
            return redirect(self._inspect_url(pk))
        return self._step_page(request, data_request, _("Reply"), "request_reply", form=form)

    def close_view(self, request, pk):
        """Asks first, showing what was sent; the button closes."""
        data_request = self._object_for_change(request, pk)
        if request.method == "POST":
            replies.request_close(request=data_request, user=request.user)
            messages.success(request, _("The request is closed; its record is kept."))
            return redirect(self._inspect_url(pk))
        return self._step_page(
            request,
            data_request,
            _("Close request"),
            "request_close",
            replies=data_request.replies.all(),
        )

    def recipients_view(self, request, pk):
        """Who received the requester's data (GDPR art. 19); the button records that they
        were told of the erasure or rectification."""
        data_request = self._object_for_change(request, pk)
        if refusal := self._refuse_unconfirmed(request, data_request):
            return refusal
        if request.method == "POST":
            told = recipients.request_recipients_told(request=data_request, user=request.user)
            messages.success(
                request,
                ngettext(
                    "Recorded that %(count)d recipient was told.",
                    "Recorded that %(count)d recipients were told.",
                    told,
                )
                % {"count": told},
            )
            return redirect(self._inspect_url(pk))
        return self._step_page(
            request,
            data_request,
            _("Tell recipients"),
            "request_recipients",
            recipients=recipients.request_recipients(request=data_request),
        )

    def _step_page(self, request, data_request, heading, template, **extra):
        inspect_url = self._inspect_url(data_request.pk)
        return TemplateResponse(
            request,
            f"privacy/admin/{template}.html",
            {
                "data_request": data_request,
                "inspect_url": inspect_url,
                "header_title": f"{heading}: {data_request}",
                "header_icon": self.icon,
                "breadcrumbs_items": [
                    {"url": reverse(self.get_url_name("index")), "label": self.menu_label},
                    {"url": inspect_url, "label": str(data_request)},
                    {"url": "", "label": heading},
                ],
                **extra,
            },
        )

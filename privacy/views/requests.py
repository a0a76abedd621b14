"""The requester's side of a data-subject request: confirming it, fetching the answer."""

from __future__ import annotations

from django.db.models import F
from django.http import FileResponse

from ..models import RequestAnswer
from ..services import requests as services
from .links import SignedLinkView


class RequestConfirmView(SignedLinkView):
    """Asks to confirm; the button confirms, so a link scanner starts nothing."""

    template_name = "privacy/request_confirm.html"
    done_template_name = "privacy/request_confirmed.html"
    refusal = "request"

    def load(self, token):
        return services.request_from_link(token=token)

    def get(self, request, *args, **kwargs):
        if self.object.is_confirmed:
            # Confirming again changes nothing: say that it is confirmed.
            return self.post(request, *args, **kwargs)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("data_request", self.object)
        return super().get_context_data(**kwargs)

    def act(self):
        return {"data_request": services.request_confirm(request=self.object)}


class RequestAnswerView(SignedLinkView):
    """Stream the answer from private storage; it never has a public URL."""

    http_method_names = ["get"]
    refusal = "answer"

    def load(self, token):
        return services.answer_from_link(token=token)

    def get(self, request, *args, **kwargs):
        answer = self.object
        RequestAnswer.objects.filter(pk=answer.pk).update(downloads=F("downloads") + 1)
        return FileResponse(
            answer.file.open("rb"),
            as_attachment=True,
            filename=f"data-{answer.request_id}.zip",
            content_type="application/zip",
        )


request_confirm = RequestConfirmView.as_view()
request_answer = RequestAnswerView.as_view()

"""The requester's side of a data-subject request: confirming it, fetching the answer."""

from __future__ import annotations

from django.db.models import F
from django.http import FileResponse
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from ..links import LinkInvalid
from ..models import RequestAnswer
from ..services import requests as services
from .links import link_refused


@require_http_methods(["GET", "POST"])
@never_cache
def request_confirm(request, token):
    """GET asks to confirm; the button confirms, so a link scanner starts nothing."""
    try:
        data_request = services.request_from_link(token=token)
    except LinkInvalid as error:
        return link_refused(request, error, what="request")
    if request.method == "POST" or data_request.is_confirmed:
        data_request = services.request_confirm(request=data_request)
        return TemplateResponse(
            request, "privacy/request_confirmed.html", {"data_request": data_request}
        )
    return TemplateResponse(request, "privacy/request_confirm.html", {"data_request": data_request})


@require_GET
@never_cache
def request_answer(request, token):
    """Stream the answer from private storage; it never has a public URL."""
    try:
        answer = services.answer_from_link(token=token)
    except LinkInvalid as error:
        return link_refused(request, error, what="answer")
    RequestAnswer.objects.filter(pk=answer.pk).update(downloads=F("downloads") + 1)
    return FileResponse(
        answer.file.open("rb"),
        as_attachment=True,
        filename=f"data-{answer.request_id}.zip",
        content_type="application/zip",
    )

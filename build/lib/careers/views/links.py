"""The pages careers e-mails link to: withdraw an application, renew the talent pool.

GET shows what the button will do; only the button (POST) does it, so a mail scanner that
opens every link withdraws and renews nothing. A tampered or expired link changes nothing.
"""

from __future__ import annotations

from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from privacy.models import Purpose

from .. import services
from ..constants import TALENT_POOL_PURPOSE
from ..services.mail import applicant_vacancy_title


def _refused(request, error: services.LinkInvalid) -> TemplateResponse:
    context = {
        "expired": error.expired,
        "title": _("This link has expired") if error.expired else _("This link is not valid"),
    }
    return TemplateResponse(
        request, "careers/link_refused.html", context, status=410 if error.expired else 400
    )


@require_http_methods(["GET", "POST"])
@never_cache
def withdraw(request, token: str):
    try:
        application = services.application_for_withdraw_token(token=token)
    except services.LinkInvalid as error:
        return _refused(request, error)
    if request.method == "POST":
        services.application_withdraw(application=application)
        return TemplateResponse(request, "careers/withdrawn.html", {})
    context = {"vacancy": applicant_vacancy_title(application)}
    return TemplateResponse(request, "careers/withdraw_confirm.html", context)


@require_http_methods(["GET", "POST"])
@never_cache
def renew(request, token: str):
    try:
        application = services.application_for_renew_token(token=token)
    except services.LinkInvalid as error:
        return _refused(request, error)
    purpose = Purpose.objects.filter(key=TALENT_POOL_PURPOSE).order_by("pk").first()
    if request.method == "POST":
        try:
            application = services.application_talent_pool_renew_by_token(token=token)
        except services.LinkInvalid as error:
            return _refused(request, error)
        until = purpose.retain_until(application.talent_pool_since) if purpose else None
        return TemplateResponse(request, "careers/renewed.html", {"until": until})
    context = {
        "vacancy": applicant_vacancy_title(application),
        "days": purpose.retention_days if purpose else None,
    }
    return TemplateResponse(request, "careers/renew_confirm.html", context)

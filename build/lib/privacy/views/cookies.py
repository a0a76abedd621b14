"""The cookie banner without JavaScript: a settings page and the form's POST target."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from ..models import ConsentSource
from ..services import cookies as cookie_services
from ..templatetags.cookie_consent import banner_context


def _safe_next(request: HttpRequest, target: str | None) -> str:
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return "/"


@require_GET
def cookie_settings(request: HttpRequest) -> HttpResponse:
    """Every category with its cookies and the visitor's current choice, as a page."""
    target = request.GET.get("next") or request.headers.get("Referer", "")
    context = banner_context(request, next_url=_safe_next(request, target))
    return render(request, "privacy/cookie_settings.html", context)


@require_POST
def cookie_consent(request: HttpRequest) -> HttpResponse:
    """Record the banner's choice, set the consent cookie and go back to the page."""
    next_url = _safe_next(request, request.POST.get("next"))
    chosen = set(request.POST.getlist("category"))
    button = request.POST.get("button", "")
    locale = translation.get_language() or ""
    try:
        result = cookie_services.cookie_choice_record(
            choices=dict.fromkeys(chosen, True),
            button=button,
            locale=locale,
            page=next_url,
            version=cookie_services.policy_version(request),
            source=ConsentSource.BANNER,
            previous=cookie_services.cookie_choice_read(request),
            gpc=cookie_services.gpc_enabled(request),
        )
    except cookie_services.CookieChoiceError as error:
        context = banner_context(request, next_url=next_url)
        context["errors"] = [message for messages in error.errors.values() for message in messages]
        return render(request, "privacy/cookie_settings.html", context, status=400)
    response = HttpResponseRedirect(next_url)
    cookie_services.cookie_choice_apply(request=request, response=response, result=result)
    return response

"""Verification, enrolment and recovery codes: the screens between the password and the admin.

Hand-made views (no viewset fits a sign-in step), rendered in Wagtail's sign-in layout.
Each reads ``next`` and returns there only when it is a URL of this site.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import services
from .forms import CodeForm
from .policy import has_device, required_for

RECOVERY_SESSION_KEY = "two_factor_recovery_codes"


def next_url(request: HttpRequest) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("wagtailadmin_home")


def _with_next(name: str, request: HttpRequest) -> str:
    return f"{reverse(name)}?{urlencode({'next': next_url(request)})}"


def _has_passkey(user) -> bool:
    from django_otp_webauthn.models import WebAuthnCredential

    return WebAuthnCredential.objects.filter(user=user, confirmed=True).exists()


@never_cache
def verify(request: HttpRequest) -> HttpResponse:
    """Ask for a code from the user's app, a recovery code, or their passkey."""
    user = request.user
    if user.is_verified():
        return redirect(next_url(request))
    if not has_device(user):
        return redirect(_with_next("two_factor:enrol", request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            if isinstance(device, StaticDevice):
                left = services.recovery_codes_left(user=user)
                messages.warning(
                    request,
                    ngettext(
                        "You signed in with a recovery code; %(count)d is left.",
                        "You signed in with a recovery code; %(count)d are left.",
                        left,
                    )
                    % {"count": left},
                )
            return redirect(next_url(request))
        form.add_error(None, _("This code is not valid. Try the current code from your app."))
    return TemplateResponse(
        request,
        "website/two_factor/verify.html",
        {
            "form": form,
            "next": next_url(request),
            "has_totp": TOTPDevice.objects.filter(user=user, confirmed=True).exists(),
            "has_passkey": _has_passkey(user),
        },
    )


@never_cache
def enrol(request: HttpRequest) -> HttpResponse:
    """Set up an authenticator app: scan the code, type a code from it, get recovery codes."""
    user = request.user
    if has_device(user) and not user.is_verified():
        # Whoever holds only the password must not add a factor of their own.
        return redirect(_with_next("two_factor:verify", request))
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return redirect(next_url(request))
    device = services.totp_device_pending(user=user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.totp_device_confirm(device=device, token=form.cleaned_data["code"]):
            otp_login(request, device)
            request.session[RECOVERY_SESSION_KEY] = services.recovery_codes_create(user=user)
            return redirect(_with_next("two_factor:recovery_codes", request))
        form.add_error(
            "code",
            _("This code is not valid. Check the time on your phone and try the current code."),
        )
    return TemplateResponse(
        request,
        "website/two_factor/enrol.html",
        {
            "form": form,
            "next": next_url(request),
            "secret": services.totp_secret(device),
            "required": required_for(user),
        },
    )


@never_cache
@require_GET
def qr_code(request: HttpRequest) -> HttpResponse:
    """The pending device's QR code as an SVG image (an image file keeps the page free of
    inline code; ``no-store`` keeps the secret out of caches)."""
    user = request.user
    if has_device(user) and not user.is_verified():
        return HttpResponse(status=403)
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        return HttpResponse(status=404)
    response = HttpResponse(services.totp_qr_svg(device), content_type="image/svg+xml")
    response["Cache-Control"] = "no-store"
    return response


@never_cache
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """Show the new recovery codes once; a reload shows them no more."""
    codes = request.session.pop(RECOVERY_SESSION_KEY, None)
    if not codes:
        return redirect(next_url(request))
    return TemplateResponse(
        request,
        "website/two_factor/recovery_codes.html",
        {"codes": codes, "next": next_url(request)},
    )


@never_cache
@require_GET
def passkey_done(request: HttpRequest) -> HttpResponse:
    """After a passkey was registered on the enrolment page: recovery codes, once."""
    user = request.user
    if not user.is_verified():
        return redirect(_with_next("two_factor:verify", request))
    if not StaticDevice.objects.filter(user=user).exists():
        request.session[RECOVERY_SESSION_KEY] = services.recovery_codes_create(user=user)
        return redirect(_with_next("two_factor:recovery_codes", request))
    return redirect(next_url(request))


@never_cache
def new_recovery_codes(request: HttpRequest) -> HttpResponse:
    """Replace the recovery codes (a verified session only, by POST)."""
    if request.method != "POST" or not request.user.is_verified():
        return redirect(reverse("two_factor:verify"))
    request.session[RECOVERY_SESSION_KEY] = services.recovery_codes_create(user=request.user)
    return redirect(_with_next("two_factor:recovery_codes", request))

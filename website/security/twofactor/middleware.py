"""Keep staff who still owe their second factor out of every admin view."""

from __future__ import annotations

from functools import cached_property
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseForbidden, HttpResponseRedirect
from django.urls import reverse

from website.security.csp import ADMIN_PREFIXES

from .policy import has_device, must_verify


class SecondFactorMiddleware:
    """Send a signed-in user who must pass a second factor, and has not, to do so first.

    Applies to the Wagtail admin and Django's admin (the private file downloads live under
    ``/admin/`` too). Those who have a device go to verification, those in a group of
    ``ADMIN_2FA_GROUPS`` without one to enrolment. Open to them meanwhile: the 2FA screens
    and the passkey endpoints, sign-out, and what those screens load (the admin's icon
    sprite and translation catalogue). A script's request (fetch) gets a 403 instead of a
    redirect, so that only a page the user opened becomes the place to return to.
    Anonymous visitors pass untouched: Wagtail's own login redirect handles them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    @cached_property
    def open_paths(self) -> tuple[str, ...]:
        return (
            reverse("two_factor:verify").rsplit("verify/", 1)[0],
            reverse("wagtailadmin_logout"),
            reverse("wagtailadmin_login"),
            reverse("wagtailadmin_javascript_catalog"),
            reverse("wagtailadmin_sprite"),
        )

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path_info
        if path.startswith(ADMIN_PREFIXES) and not path.startswith(self.open_paths):
            user = getattr(request, "user", None)
            if user is not None and must_verify(user):
                return self.redirect(request, user)
        return self.get_response(request)

    def redirect(self, request: HttpRequest, user) -> HttpResponse:
        mode = request.headers.get("Sec-Fetch-Mode")
        if (mode and mode != "navigate") or request.headers.get("X-Requested-With"):
            return HttpResponseForbidden()
        target = "two_factor:verify" if has_device(user) else "two_factor:enrol"
        # Only a page a browser asked for is worth coming back to; not an XHR or a POST.
        back = request.get_full_path() if request.method == "GET" else reverse("wagtailadmin_home")
        return HttpResponseRedirect(f"{reverse(target)}?{urlencode({'next': back})}")

"""Signed-in sessions end after ``ADMIN_SESSION_IDLE_TIMEOUT`` idle and ``ADMIN_SESSION_MAX_AGE``
in all, however active.

Only staff sign in on this site, so every authenticated session is an admin session. The two
moments are kept in the session itself (seconds since the epoch), so every worker agrees.
"""

from __future__ import annotations

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .csp import is_admin_path

STARTED_KEY = "admin_session_started"
LAST_SEEN_KEY = "admin_session_last_seen"
LAST_SEEN_PRECISION = 60  # seconds


@receiver(user_logged_in, dispatch_uid="website.security.sessions.start")
def _start(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[STARTED_KEY] = now
        request.session[LAST_SEEN_KEY] = now


def expired(session, now: float) -> bool:
    started = session.get(STARTED_KEY)
    last_seen = session.get(LAST_SEEN_KEY)
    if started is None or last_seen is None:
        return False
    return (
        now - last_seen > settings.ADMIN_SESSION_IDLE_TIMEOUT
        or now - started > settings.ADMIN_SESSION_MAX_AGE
    )


class AdminSessionExpiryMiddleware:
    """Log out a session past either limit; in the admin, back to sign-in, saying why."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            if expired(request.session, now):
                logout(request)
                if is_admin_path(request.path_info):
                    messages.info(request, _("Your session has expired. Please sign in again."))
                    query = urlencode({"next": request.get_full_path()})
                    return HttpResponseRedirect(f"{reverse('wagtailadmin_login')}?{query}")
            else:
                request.session.setdefault(STARTED_KEY, now)
                last_seen = request.session.get(LAST_SEEN_KEY)
                # Activity is noted to the minute: a session written on every request's new
                # second costs a database write per click, for an idle limit of half an hour.
                if last_seen is None or now - last_seen >= LAST_SEEN_PRECISION:
                    request.session[LAST_SEEN_KEY] = now
        return self.get_response(request)

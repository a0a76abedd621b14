"""Admin wiring of the project itself: the second-factor screens and sign-in lockouts."""

from axes.models import AccessAttempt
from django.conf import settings
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from privacy.permissions import GroupOnlyPermissionPolicy
from website.preview import front_end_live
from website.security.twofactor import urls as two_factor_urls
from website.security.twofactor.policy import has_device


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("2fa/", include((two_factor_urls.urlpatterns, "two_factor"))),
        path("2fa/", include(two_factor_urls.passkey_urlpatterns)),
    ]


@hooks.register("before_serve_page")
def open_pages_in_the_front_end(page, request, serve_args, serve_kwargs):
    """With ``HEADLESS_SERVE_BASE_URL`` set, "View live" and old links open the front-end."""
    return front_end_live(page, request)


# Superusers alone see failed sign-ins and delete them, which unlocks; nobody adds or edits.
register_permission_policy(
    AccessAttempt,
    GroupOnlyPermissionPolicy(AccessAttempt, group=None, actions={"view", "delete"}),
    exact_class=True,
)


def _locked(attempt: AccessAttempt) -> bool:
    return attempt.failures_since_start >= settings.AXES_FAILURE_LIMIT


class LockoutIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        delete_url = self.get_delete_url(instance)
        for button in buttons:
            if button.url == delete_url:
                button.label = _("Unlock")
        return buttons


class LockoutViewSet(ModelViewSet):
    """Failed sign-ins per username and address (django-axes); deleting a row unlocks it.

    The row holds the address and browser of whoever tried: it lives only until the
    cool-off ends (axes deletes expired attempts) or a superuser unlocks it.
    """

    model = AccessAttempt
    name = "lockouts"
    icon = "lock"
    menu_label = _("Sign-in lockouts")
    add_to_settings_menu = True
    copy_view_enabled = False
    search_backend_name = None
    search_fields = ["username", "ip_address"]
    ordering = ["-attempt_time"]
    # The add and edit views exist but refuse everyone (see the policy registered above).
    form_fields = ["username"]
    list_display = [
        "username",
        Column("ip_address", label=_("Address")),
        Column("failures_since_start", label=_("Failed attempts")),
        BooleanColumn("locked", accessor=_locked, label=_("Locked out")),
        DateColumn("attempt_time", label=_("Last attempt")),
    ]
    index_view_class = LockoutIndexView


@hooks.register("register_admin_viewset")
def register_lockout_viewset():
    return LockoutViewSet()


@hooks.register("register_account_menu_item")
def second_factor_account_item(request):
    """Anyone without a second factor can add one from their account (Editors too)."""
    if has_device(request.user):
        return None
    return {
        "url": reverse("two_factor:enrol"),
        "label": _("Set up a second factor"),
        "help_text": _("An authenticator app or a passkey, asked for after your password."),
    }

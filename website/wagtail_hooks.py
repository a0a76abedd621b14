"""Admin wiring of the project itself: the second-factor screens, sign-in lockouts, and the
translation actions (submit a translation for review, publish an untranslated copy), and the
menu items that Wagtail and wagtail-localize label once per process."""

import copy

from axes.models import AccessAttempt
from django.conf import settings
from django.urls import include, path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy
from wagtail.utils.version import get_main_version

from privacy.permissions import GroupOnlyPermissionPolicy
from privacy.viewsets import BooleanColumn
from website.preview import front_end_live
from website.security.twofactor import urls as two_factor_urls
from website.security.twofactor.policy import has_device
from website.translation_review import (
    alias_publish_view,
    alias_publishable,
    translation_submit_view,
    translation_submittable,
)


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("2fa/", include((two_factor_urls.urlpatterns, "two_factor"))),
        path("2fa/", include(two_factor_urls.passkey_urlpatterns)),
    ]


@hooks.register("register_admin_urls")
def register_translation_review_urls():
    return [
        path(
            "translations/<int:page_id>/submit/",
            translation_submit_view,
            name="website_translation_submit",
        ),
        path(
            "translations/<int:page_id>/publish-untranslated/",
            alias_publish_view,
            name="website_alias_publish",
        ),
    ]


class TranslationSubmitButton(PageMenuItem):
    label = _("Submit translation for review")
    icon_name = "resubmit"
    url_name = "website_translation_submit"

    def is_shown(self, user):
        return translation_submittable(page=self.page, user=user)


class AliasPublishButton(PageMenuItem):
    label = _("Publish untranslated")
    icon_name = "upload"
    url_name = "website_alias_publish"

    def is_shown(self, user):
        return alias_publishable(page=self.page, user=user)


@hooks.register("register_page_listing_more_buttons")
def translation_listing_buttons(page, user, next_url=None):
    yield TranslationSubmitButton(page=page, priority=45)
    yield AliasPublishButton(page=page, priority=46)


@hooks.register("register_page_header_buttons")
def translation_header_buttons(page, user, view_name, next_url=None):
    yield TranslationSubmitButton(page=page, priority=55)
    yield AliasPublishButton(page=page, priority=56)


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
    # django-axes names its model in English only; the menu's words, in the reader's language.
    page_title = _("Sign-in lockouts")

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


def _relabelled(item, label):
    """A copy of a shared menu item with this request's label (the item itself serves every
    request of the process, in every language)."""
    item = copy.copy(item)
    item.label = label
    return item


@hooks.register("construct_reports_menu")
def translations_report_for_translators(request, menu_items):
    """wagtail-localize shows its Translations report to every staff member, labelled in the
    language of the process's first request ("Vertalingen" for a French reader). Only those
    who may submit translations can act on a translation, so only they see it, in their
    own language: the other groups keep no Reports menu holding only that."""
    url = reverse("wagtail_localize:translations_report")
    for index, item in reversed(list(enumerate(menu_items))):
        if item.url != url:
            continue
        if request.user.has_perm("wagtail_localize.submit_translation"):
            menu_items[index] = _relabelled(item, gettext("Translations"))
        else:
            del menu_items[index]


@hooks.register("construct_help_menu")
def whats_new_in_the_readers_language(request, menu_items):
    """Wagtail formats "What's new in Wagtail 8.0" once per process, in the first reader's
    language; it is formatted again for each reader."""
    version = get_main_version(include_patch=False)
    for index, item in enumerate(menu_items):
        if item.name == f"whats-new-in-wagtail-{version}":
            label = gettext("What's new in Wagtail %(version)s") % {"version": version}
            menu_items[index] = _relabelled(item, label)

"""An editor who may not publish sends a translation to the moderators, as any page edit.

wagtail-localize's translation editor offers "Publish in <language>" to those who may
publish, and nothing to move the translation forward to those who may not: an Editor's
only primary button was "Convert to alias page", which throws the translation away. Wagtail
answers this for ordinary edits with its moderation workflow (the "Moderators approval"
workflow on the page tree): the editor submits, a moderator approves and the page is
published. :func:`translation_submit` does the same for a translation: it saves the
translation as a draft revision of the translated page, from the strings typed in the
translation editor, then starts the page's workflow on that revision. The moderator finds it
under "Awaiting your review" on the dashboard and approves it; Wagtail publishes it.

The other way round, a moderator may show a page untranslated in another language on
purpose: :func:`alias_publish_view` publishes its untranslated copy there.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import Translation

from website.aliases import alias_publish, is_untranslated_alias


class TranslationNotSubmittable(Exception):
    """The page is not a synced translation, or has no workflow, or is already in one."""


def translation_of(page: Page) -> Translation | None:
    """The synced translation (wagtail-localize) that makes ``page``, if any."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source")
        .first()
    )


def translation_submittable(*, page: Page, user) -> bool:
    """True for an editor who may edit ``page``, a synced translation, but not publish it."""
    permissions = page.permissions_for_user(user)
    return (
        page.alias_of_id is None
        and permissions.can_edit()
        and not permissions.can_publish()
        and page.get_workflow() is not None
        and translation_of(page) is not None
    )


def translation_submit(*, page: Page, user) -> WorkflowState:
    """Save ``page``'s translation as a draft and send it to its moderation workflow."""
    page = page.specific
    translation = translation_of(page)
    workflow = page.get_workflow()
    if translation is None or workflow is None:
        raise TranslationNotSubmittable(page.pk)
    if page.workflow_in_progress:
        raise TranslationNotSubmittable(page.pk)
    translation.save_target(user=user, publish=False)
    page.refresh_from_db()
    return workflow.start(page, user)


def _admin_header(page: Page, title: str) -> dict:
    """The slim header and breadcrumbs of Wagtail's own page screens."""
    return {
        "header_title": title,
        "header_icon": "doc-empty-inverse",
        "breadcrumbs_items": [
            {"url": reverse("wagtailadmin_explore", args=[page.pk]), "label": page.title},
            {"url": "", "label": title},
        ],
    }


@require_http_methods(["GET", "POST"])
def translation_submit_view(request, page_id: int):
    """Confirm, then submit the translation for moderation (the translation editor's button)."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not translation_submittable(page=page, user=request.user):
        raise PermissionDenied
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if request.method == "POST":
        if page.workflow_in_progress:
            messages.warning(request, _("This translation is already awaiting review."))
            return redirect(edit_url)
        translation_submit(page=page, user=request.user)
        messages.success(
            request,
            _("The translation “%(title)s” was submitted for review.") % {"title": page.title},
        )
        return redirect(reverse("wagtailadmin_explore", args=[page.get_parent().pk]))
    return TemplateResponse(
        request,
        "website/translation_submit.html",
        {
            "page": page,
            "edit_url": edit_url,
            "in_review": page.workflow_in_progress,
            **_admin_header(page, _("Submit the translation for review")),
        },
    )


def alias_publishable(*, page: Page, user) -> bool:
    """True for a draft untranslated copy that ``user`` may publish."""
    return (
        page.alias_of_id is not None
        and not page.live
        and page.permissions_for_user(user).can_publish()
        and is_untranslated_alias(page)
    )


@require_http_methods(["GET", "POST"])
def alias_publish_view(request, page_id: int):
    """Confirm, then publish an untranslated copy on purpose (its page menu's button)."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not alias_publishable(page=page, user=request.user):
        raise PermissionDenied
    if request.method == "POST":
        alias_publish(page=page, user=request.user)
        messages.success(
            request, _("“%(title)s” is published untranslated.") % {"title": page.title}
        )
        return redirect(reverse("wagtailadmin_explore", args=[page.get_parent().pk]))
    return TemplateResponse(
        request,
        "website/alias_publish.html",
        {
            "page": page,
            "original": page.alias_of,
            "back_url": reverse("wagtailadmin_explore", args=[page.get_parent().pk]),
            **_admin_header(page, _("Publish untranslated")),
        },
    )

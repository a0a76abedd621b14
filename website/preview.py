"""Drafts previewed in the front-end, with wagtail-headless-preview.

When ``HEADLESS_PREVIEW_CLIENT_URLS`` names a front-end, an editor's preview of any page type
goes to it: Wagtail's preview stores the draft under a signed token
(``wagtail_headless_preview.models.PagePreview``) and the admin's preview panel opens
``<client URL>?content_type=<app.model>&token=<token>``. The front-end reads the draft from
``GET /api/v2/page_preview/?content_type=...&token=...`` (same JSON as a live page's detail);
the token works for ``HEADLESS_PREVIEW_TOKEN_SECONDS`` (one hour) and names one draft only.
Without a client URL the server-rendered preview works as before.

When the front-end is the public site (``HEADLESS_SERVE_BASE_URL``), a page's own address
redirects there, path kept, as wagtail-headless-preview's ``HeadlessServeMixin`` does: the
admin's "View live" then opens the front-end (:func:`front_end_live`, through Wagtail's
``before_serve_page`` hook).

Every page type previews this way, plugins' included, without them knowing the project:
``Page.serve_preview`` (which every type's own ``serve_preview`` ends in for its default
mode) is wrapped once at start-up by :func:`install`. Other preview modes (a form's thank-you
page) stay server-rendered.
"""

from __future__ import annotations

from django.shortcuts import redirect
from wagtail.models import Page
from wagtail_headless_preview.models import (
    HeadlessPreviewMixin,
    PagePreview,
    get_client_root_url_from_site,
)
from wagtail_headless_preview.settings import headless_preview_settings
from wagtail_headless_preview.signals import preview_update


def preview_enabled() -> bool:
    return bool(headless_preview_settings.CLIENT_URLS)


def _content_type_str(page: Page) -> str:
    return f"{page._meta.app_label}.{page._meta.model_name}"


def front_end_preview(page: Page, request):
    """Store the draft under a fresh token and send the preview panel to the front-end."""
    PagePreview.garbage_collect()
    identifier = (
        f"id={page.pk}"
        if page.pk is not None
        else f"parent_id={page.get_parent().pk};page_type={page._meta.label}"
    )
    token = HeadlessPreviewMixin.get_preview_signer().sign(identifier)
    PagePreview.objects.update_or_create(
        token=token,
        defaults={"content_type": page.content_type, "content_json": page.to_json()},
    )
    preview_update.send(sender=HeadlessPreviewMixin, token=token)
    root = get_client_root_url_from_site(page.get_site() or _default_site(request))
    query = f"content_type={_content_type_str(page)}&token={token}"
    return redirect(f"{root}?{query}")


def _default_site(request):
    from wagtail.models import Site

    return Site.find_for_request(request)


_page_serve_preview = Page.serve_preview


def serve_preview(self, request, preview_mode):
    if not preview_enabled() or preview_mode != self.default_preview_mode:
        return _page_serve_preview(self, request, preview_mode)
    return front_end_preview(self, request)


def front_end_live(page: Page, request):
    """A redirect to the page on the front-end, or None to serve it here.

    Only a GET or HEAD of the page's own address moves: its sub-routes (a calendar file, a
    feed, a form's thank-you page) and posts are still answered by the site.
    """
    base = headless_preview_settings.SERVE_BASE_URL
    if not base or request.method not in ("GET", "HEAD"):
        return None
    parts = page.get_url_parts(request)
    if parts is None or parts[2] != request.path:
        return None
    query = request.META.get("QUERY_STRING", "")
    return redirect(f"{base.rstrip('/')}{parts[2]}" + (f"?{query}" if query else ""))


def install() -> None:
    """Every page type previews in the front-end when one is configured (see above)."""
    Page.serve_preview = serve_preview

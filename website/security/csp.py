"""The Content-Security-Policy of every response, widened only where a page needs it.

``CONTENT_SECURITY_POLICY`` (settings) is the strict policy of public pages. Two things add
sources to it, per response, through django-csp's ``update`` mechanism:

* the Wagtail admin (``ADMIN_POLICY``), for what its editors need and nothing more;
* a page that renders a reCAPTCHA, which sets ``request.csp_update`` while it renders
  (the form template's ``{% csp_for_form form %}``, from ``forms``): Google's script, frame
  and connection hosts, on that response alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

# Why the admin gets more than public pages, source by source:
# - script-src 'unsafe-inline' (never 'unsafe-eval'): Wagtail 8's widgets still initialise
#   themselves with inline scripts (date pickers, page/image/snippet choosers, InlinePanel,
#   the rich-text chooser URLs), and InlinePanel copies such scripts out of a <template>
#   with a new row number when an editor adds a row, so neither nonces nor hashes can cover
#   them. Every editing screen needs it; the sign-in and second-factor screens, the most
#   exposed ones, do without (ADMIN_STRICT_PATHS). No nonce is sent on these responses:
#   browsers ignore 'unsafe-inline' next to one.
# - style-src 'unsafe-inline': Wagtail's templates and widgets (Draftail, the sidebar, the
#   page tree, progress bars, tooltips) write style="" attributes, which no nonce covers.
# - img-src blob:: image choosers and the upload form preview a chosen file before upload.
# - frame-src/frame-ancestors 'self': the live preview panel frames the admin's own preview
#   view (Wagtail marks that view SAMEORIGIN for X-Frame-Options too).
ADMIN_POLICY: dict[str, list[str]] = {
    "style-src": ["'unsafe-inline'"],
    "img-src": ["blob:"],
    "frame-src": ["'self'"],
    "frame-ancestors": ["'self'"],
}
ADMIN_SCRIPT_POLICY: dict[str, list[str]] = {"script-src": ["'unsafe-inline'"]}
ADMIN_STRICT_PATHS = ("/admin/login/", "/admin/2fa/", "/admin/password_reset/")
ADMIN_PREFIXES = ("/admin/", "/django-admin/")

# A page may ask for more on its own response by setting ``request.csp_update`` while it
# renders (the form builder does, for reCAPTCHA: ``forms.captcha.RECAPTCHA_CSP``).
REQUEST_UPDATE = "csp_update"


def _merge(*updates: Mapping[str, Iterable[str]] | None) -> dict[str, list[str]]:
    merged: dict[str, list[str]] = {}
    for update in updates:
        for directive, sources in (update or {}).items():
            values = merged.setdefault(directive, [])
            values.extend(source for source in sources if source not in values)
    return merged


def is_admin_path(path: str) -> bool:
    return path.startswith(ADMIN_PREFIXES)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, adding the admin's and the rendering page's own sources.

    Sources are only ever added to the settings' policy, never replace it, so the admin and
    a captcha page keep ``object-src 'none'``, ``base-uri`` and ``form-action``. A directive
    the public policy sets to ``'none'`` (``frame-src``) loses that keyword when sources
    are added, as CSP would otherwise ignore them.
    """

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if parts.config is None and parts.replace is None:
            parts.config = _with_public_policy()
        path = request.path_info
        admin = is_admin_path(path)
        scripts = admin and not path.startswith(ADMIN_STRICT_PATHS)
        parts.update = _merge(
            ADMIN_POLICY if admin else None,
            _preview_client_policy() if admin else None,
            ADMIN_SCRIPT_POLICY if scripts else None,
            getattr(request, REQUEST_UPDATE, None),
            parts.update,
        )
        if scripts:
            # A nonce next to 'unsafe-inline' would make browsers ignore the latter.
            parts.nonce = None
        # The public policy says frame-src 'none'; a widened frame-src must drop it.
        for directive in parts.update:
            config_sources = parts.config.get(directive) if parts.config else None
            if config_sources and "'none'" in config_sources:
                parts.config = {**parts.config, directive: []}
        return parts


def _preview_client_policy() -> dict[str, list[str]]:
    """The admin's preview panel frames the front-end a draft previews in (website.preview)."""
    clients = (getattr(settings, "WAGTAIL_HEADLESS_PREVIEW", None) or {}).get("CLIENT_URLS") or {}
    origins = []
    for url in clients.values():
        parts = urlsplit(url)
        if parts.scheme in ("http", "https") and parts.netloc:
            origins.append(f"{parts.scheme}://{parts.netloc}")
    return {"frame-src": origins} if origins else {}


def _with_public_policy() -> dict[str, list[str]]:
    policy = getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}
    return {key: list(value) for key, value in (policy.get("DIRECTIVES") or {}).items()}

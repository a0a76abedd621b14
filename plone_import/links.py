"""What a link or image address in Plone content points at: a UID, an old path, or elsewhere.

Plone writes internal links as ``resolveuid/<uid>`` (with any prefix: ``../``,
``${portal_url}/``, the old site's URL) and sometimes as the old absolute URL or path; an
image adds its scale (``/@@images/image/large``, ``/image_preview``). Everything that points
at the old site is reduced to a UID or a path inside the site, so the importer can find what
it became.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from posixpath import normpath
from urllib.parse import unquote, urlsplit

RESOLVEUID = re.compile(r"(?:^|/)resolve[uU]id/([0-9a-zA-Z_-]+)(/[^?#]*)?")
# Views and scales after an item's path that still mean the item itself.
VIEW_SUFFIX = re.compile(
    r"/(?:view|@@download/[^/]+(?:/[^/]+)?|@@display-file/[^/]+(?:/[^/]+)?|@@images/[^/]+(?:/[^/]+)?"
    r"|image_view_fullscreen|image_[a-z]+|at_download/[^/]+)$"
)
IMAGE_SCALE = re.compile(r"/(?:@@images/[^/]+/([a-z_]+)|image_([a-z]+))$")


@dataclass(frozen=True, slots=True)
class Target:
    """An internal address: by ``uid`` or by ``path`` (inside the site, no site id), with the
    scale an image address asked for and the fragment to keep."""

    uid: str = ""
    path: str = ""
    scale: str = ""
    fragment: str = ""


class Addresses:
    """Tells internal addresses from external ones for one export.

    ``site_path`` is the old site's path (``/kvk``, or ``""``); ``hosts`` the old site's host
    names, whose absolute URLs are internal.
    """

    def __init__(self, *, site_path: str, hosts: set[str]):
        self.site_path = site_path.rstrip("/")
        self.hosts = {host.lower() for host in hosts if host}

    def strip_site(self, path: str) -> str:
        if self.site_path and (path == self.site_path or path.startswith(self.site_path + "/")):
            path = path[len(self.site_path) :]
        return path or "/"

    def target(self, href: str, *, base: str) -> Target | None:
        """The internal target of ``href`` found in the item at ``base`` (a path inside the
        site), or None when ``href`` points elsewhere (another site, ``mailto:``, ``#top``)."""
        href = (href or "").strip().replace("${portal_url}", "")
        if not href or href.startswith(("#", "mailto:", "tel:", "data:", "javascript:")):
            return None
        parts = urlsplit(href)
        if parts.scheme and parts.scheme not in ("http", "https"):
            return None
        if parts.netloc and parts.netloc.lower() not in self.hosts:
            return None
        path = unquote(parts.path)
        fragment = parts.fragment
        match = RESOLVEUID.search(path)
        if match:
            return Target(uid=match.group(1), scale=_scale(match.group(2) or ""), fragment=fragment)
        if not parts.netloc and not path.startswith("/"):
            # Relative to the item's folder, as a browser reads it on the item's page.
            path = normpath(f"{base.rsplit('/', 1)[0]}/{path}")
        path = self.strip_site(path.rstrip("/") or "/")
        scale = _scale(path)
        while VIEW_SUFFIX.search(path):
            path = VIEW_SUFFIX.sub("", path) or "/"
        return Target(path=path, scale=scale, fragment=fragment)

    def is_old_site(self, href: str) -> bool:
        parts = urlsplit((href or "").strip())
        return bool(parts.netloc) and parts.netloc.lower() in self.hosts


def _scale(path: str) -> str:
    match = IMAGE_SCALE.search(path)
    if not match:
        return ""
    return match.group(1) or match.group(2) or ""

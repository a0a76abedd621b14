"""Old Plone URLs as Wagtail ``Redirect`` rows: permanent, site-wide, pointing at the object.

A redirect to a page names the page (so it follows later moves); one to a document or an
image names its file's address, which keeps its id. Rows are written only when they change,
so a re-run writes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

MAX_PATH = 255
MEDIA_VIEWS = (
    "view",
    "image_view_fullscreen",
    "@@images/image",
    "@@download/file",
    "@@display-file/file",
)


def old_paths(rel: str, site_path: str) -> list[str]:
    """An item's old path with and without the Plone site id in front."""
    paths = [rel]
    if site_path:
        paths.insert(0, f"{site_path}{rel}" if rel != "/" else site_path)
    return list(dict.fromkeys(paths))


def media_paths(rel: str, site_path: str, *, filename: str, field: str, scales) -> list[str]:
    """Every old URL of a file or an image: the item, its views, downloads and scales."""
    suffixes = ["", *MEDIA_VIEWS, f"@@download/{field}"]
    if filename:
        suffixes += [f"@@download/file/{filename}", f"@@download/{field}/{filename}"]
    if field == "image":
        suffixes += [f"@@images/image/{scale}" for scale in scales]
        suffixes += [f"image_{scale}" for scale in scales]
    result = []
    for base in old_paths(rel, site_path):
        for suffix in dict.fromkeys(suffixes):
            result.append(f"{base}/{suffix}" if suffix else base)
    return result


def redirects_set(
    paths: Iterable[str], *, page: Page | None = None, url: str = "", skip: str = ""
) -> tuple[int, int, list[str]]:
    """Point each old path at ``page`` (or ``url``); returns (created, updated, too long).

    ``skip`` is the target's own address: a path that already answers needs no redirect.
    """
    wanted = {}
    too_long = []
    skip_normal = Redirect.normalise_path(skip) if skip else None
    for path in paths:
        normal = Redirect.normalise_path(path)
        if not normal or normal == "/" or normal == skip_normal:
            continue
        if len(normal) > MAX_PATH:
            too_long.append(path)
            continue
        wanted[normal] = None
    if not wanted:
        return 0, 0, too_long
    existing = {
        r.old_path: r for r in Redirect.objects.filter(site=None, old_path__in=list(wanted))
    }
    created = updated = 0
    new = []
    for normal in wanted:
        redirect = existing.get(normal)
        if redirect is None:
            new.append(
                Redirect(
                    old_path=normal,
                    site=None,
                    is_permanent=True,
                    redirect_page=page,
                    redirect_link="" if page is not None else url,
                )
            )
            continue
        target_page_id = page.pk if page is not None else None
        target_link = "" if page is not None else url
        if (
            redirect.redirect_page_id != target_page_id
            or (redirect.redirect_link or "") != target_link
            or not redirect.is_permanent
            or redirect.redirect_page_route_path
        ):
            redirect.redirect_page = page
            redirect.redirect_link = target_link
            redirect.redirect_page_route_path = ""
            redirect.is_permanent = True
            redirect.save()
            updated += 1
    if new:
        Redirect.objects.bulk_create(new)
        created = len(new)
    return created, updated, too_long

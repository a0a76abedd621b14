"""The sitemap: every live, public page in every language, each with its translations.

Wagtail's sitemap lists the descendants of the site's root page; with one tree per language
that is the default language alone. Here the roots are the site root and its translations,
and each URL lists every live language version of its page (itself included, as search
engines ask) as ``<xhtml:link rel="alternate" hreflang=...>``, plus ``x-default`` for the
default language's version. The translations are read in one query for the whole sitemap,
so it costs the same few queries however many pages there are.
"""

from __future__ import annotations

import operator
from collections import defaultdict
from functools import reduce

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap
from wagtail.models import Page


class TranslatedSitemap(Sitemap):
    _versions: dict | None = None

    def _live_pages(self):
        root = self.get_wagtail_site().root_page
        roots = Page.objects.filter(translation_key=root.translation_key).only("path")
        under_a_root = reduce(operator.or_, (Q(path__startswith=r.path) for r in roots))
        return Page.objects.live().public().filter(under_a_root).order_by("path")

    def items(self):
        return self._live_pages().defer_streamfields().specific()

    def _index(self) -> None:
        """Each translation key's language versions, and each location's key."""
        versions = defaultdict(list)
        self._key_of_location = {}
        for page in self._live_pages().select_related("locale"):
            location = page.get_full_url(self.request)
            if location is None:
                continue
            versions[page.translation_key].append((page.locale.language_code, location))
            self._key_of_location[location] = page.translation_key
        self._versions = versions

    def alternates_for(self, location: str) -> list[dict]:
        versions = self._versions.get(self._key_of_location.get(location), [])
        if len(versions) < 2:
            return []
        alternates = [{"lang_code": code, "location": url} for code, url in sorted(versions)]
        default = dict(versions).get(settings.LANGUAGE_CODE)
        if default:
            alternates.append({"lang_code": "x-default", "location": default})
        return alternates

    def get_urls(self, page=1, site=None, protocol=None):
        if self._versions is None:
            self._index()
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            url["alternates"] = self.alternates_for(url["location"])
        return urls

"""The Atom feed of one language's news, served by its index page at ``feed/``.

Django's syndication framework builds the feed; the index page hands itself in, so each
language's feed lists that language's news alone, in its language, with absolute links
from the page's own site.
"""

from __future__ import annotations

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from .models import NewsIndexPage, NewsPage, OrganisationIdentity
from .selectors import news_items

FEED_LENGTH = 20


class NewsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, index: NewsIndexPage):
        # Item links need the request (the site's address); one feed instance per request.
        self.request = request
        self.language = index.locale.language_code
        return index

    def title(self, index: NewsIndexPage) -> str:
        identity = OrganisationIdentity.for_locale(index.locale)
        return f"{index.title} · {identity.name}" if identity else index.title

    def subtitle(self, index: NewsIndexPage) -> str:
        return index.search_description or None

    def link(self, index: NewsIndexPage) -> str:
        return index.get_full_url(self.request)

    def feed_url(self, index: NewsIndexPage) -> str:
        return index.get_full_url(self.request) + index.reverse_subpage("feed")

    def author_name(self, index: NewsIndexPage) -> str:
        identity = OrganisationIdentity.for_locale(index.locale)
        return identity.name if identity else ""

    def items(self, index: NewsIndexPage):
        return news_items(index=index).prefetch_related("tags")[:FEED_LENGTH]

    def item_title(self, item: NewsPage) -> str:
        return item.title

    def item_description(self, item: NewsPage) -> str:
        return item.intro or item.search_description

    def item_link(self, item: NewsPage) -> str:
        return item.get_full_url(self.request)

    def item_guid(self, item: NewsPage) -> str:
        # Stable across moves and slug changes, so readers do not show an item twice.
        return f"urn:uuid:{item.translation_key}#{self.language}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: NewsPage) -> datetime:
        return timezone.make_aware(datetime.combine(item.date, time.min))

    def item_updateddate(self, item: NewsPage) -> datetime:
        return item.last_published_at or self.item_pubdate(item)

    def item_categories(self, item: NewsPage) -> list[str]:
        return [tag.name for tag in item.tags.all()]

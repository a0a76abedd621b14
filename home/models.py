"""The chamber's ordinary pages and its site-wide settings.

Every page model declares ``api_fields`` next to its panels so a headless front end gets the
same content as the HTML templates from ``/api/v2/pages/``.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import BaseTranslatableField

from .blocks import BodyBlock, HomeBodyBlock, SocialLinkBlock
from .images import ResponsiveImageField


class HomePage(Page):
    """The root page of one language's tree; its direct children make the main menu."""

    hero_title = models.CharField(_("hero title"), max_length=255)
    hero_text = models.TextField(_("hero text"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(
        _("alternative text"),
        max_length=255,
        blank=True,
        help_text=_("Describe the image for people who cannot see it; empty if decorative."),
    )
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(
        HomeBodyBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_(
            "Add the upcoming events, open vacancies and latest news where visitors should "
            "find them; each is hidden while it has nothing to show."
        ),
    )

    parent_page_types = ["wagtailcore.Page"]
    template = "home/home_page.html"

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_image_alt"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("hero_title"),
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    api_fields = [
        APIField("hero_title"),
        APIField("hero_text"),
        APIField("hero_image"),
        APIField(
            "hero_image_rendition",
            serializer=ImageRenditionField("fill-1200x500", source="hero_image"),
        ),
        # The same image with a srcset and its alt text, as every image in the API comes.
        APIField("hero_image_renditions", serializer=ResponsiveImageField(source="hero_image")),
        APIField("hero_image_alt"),
        APIField("intro"),
        APIField("body"),
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def serve(self, request, *args, **kwargs):
        """The home page is the most visited: visitors get it whole from the cache."""
        from django.template.loader import render_to_string

        from .services import page_serve_cached

        def render(extra_context: dict) -> str:
            context = {**self.get_context(request, *args, **kwargs), **extra_context}
            return render_to_string(self.get_template(request, *args, **kwargs), context, request)

        response = page_serve_cached(page=self, request=request, render=render)
        return response if response is not None else super().serve(request, *args, **kwargs)

    LISTING_BLOCKS = frozenset({"upcoming_events", "open_vacancies", "latest_news"})

    def body_groups(self) -> list[tuple[bool, list]]:
        """The body's blocks, consecutive listings grouped so they stand side by side."""
        groups: list[tuple[bool, list]] = []
        for block in self.body:
            is_listing = block.block_type in self.LISTING_BLOCKS
            if groups and is_listing and groups[-1][0]:
                groups[-1][1].append(block)
            else:
                groups.append((is_listing, [block]))
        return groups


class StandardPage(Page):
    """An ordinary content page: about us, policies, placeholders other apps later replace."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    template = "home/standard_page.html"

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    api_fields = [APIField("intro"), APIField("body")]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class NewsIndexPage(RoutablePageMixin, Page):
    """The news of one language: a paginated listing, newest first, and its Atom feed.

    The tag filter is a query parameter (``?tag=export``), like the agenda's filters, so a
    filtered listing is a plain link that works without JavaScript. The feed is a sub-route
    (``feed/``) of the page, so each language's index has its own feed of its own items.
    """

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.NewsPage"]
    template = "home/news_index_page.html"

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("news index page")
        verbose_name_plural = _("news index pages")

    def get_context(self, request, *args, **kwargs):
        from .selectors import news_listing, news_tags

        context = super().get_context(request, *args, **kwargs)
        tags = news_tags(index=self)
        tag = next((t for t in tags if t.slug == request.GET.get("tag")), None)
        context.update(
            news=news_listing(index=self, tag=tag, page_number=request.GET.get("page")),
            tags=tags,
            tag=tag,
            feed_url=self.feed_url(request),
        )
        return context

    def feed_url(self, request=None) -> str:
        return self.get_url(request) + self.reverse_subpage("feed")

    @path("feed/", name="feed")
    def feed(self, request):
        from .feeds import NewsFeed

        return NewsFeed()(request, index=self)


class OwnLanguageField(BaseTranslatableField):
    """A field each translation keeps for itself: neither sent for translation nor synced.

    Tags are words of the page's language, and the tags are shared by every language, so
    wagtail-localize's default (copy the source's tags on every sync) would put Dutch words
    on the French page.
    """


class NewsPageTag(TaggedItemBase):
    """A tag on a news page; the tags themselves are shared by every language."""

    content_object = ParentalKey(
        "home.NewsPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class NewsPage(Page):
    """A news item: its date, a lead image with its caption, a summary, a body and tags.

    The body offers the blocks of the ordinary content pages, so editors (and an import)
    write news as they write any page. The summary (``intro``) is what the listing and the
    feed show.
    """

    date = models.DateField(_("date"), default=timezone.localdate)
    intro = models.TextField(
        _("summary"), blank=True, help_text=_("Shown in the news listing and the feed.")
    )
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_alt = models.CharField(
        _("alternative text"),
        max_length=255,
        blank=True,
        help_text=_(
            "Describe the image for people who cannot see it; empty: the image's own description."
        ),
    )
    lead_image_caption = models.CharField(_("lead image caption"), max_length=255, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    tags = ClusterTaggableManager(
        verbose_name=_("tags"), through=NewsPageTag, blank=True, related_name="news_pages"
    )

    parent_page_types = ["home.NewsIndexPage"]
    subpage_types: list[str] = []
    override_translatable_fields = [OwnLanguageField("tags"), OwnLanguageField("tagged_items")]
    template = "home/news_page.html"

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldPanel("lead_image_alt"),
                FieldPanel("lead_image_caption"),
            ],
            heading=_("Lead image"),
        ),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    api_fields = [
        APIField("date"),
        APIField("intro"),
        APIField("lead_image"),
        APIField(
            "lead_image_rendition",
            serializer=ImageRenditionField("fill-1200x630", source="lead_image"),
        ),
        # With a srcset; its alt is the image's own, lead_image_alt is this page's.
        APIField("lead_image_renditions", serializer=ResponsiveImageField(source="lead_image")),
        APIField("lead_image_alt"),
        APIField("lead_image_caption"),
        APIField("body"),
        APIField("tags"),
    ]

    class Meta:
        verbose_name = _("news page")
        verbose_name_plural = _("news pages")

    def news_index(self) -> NewsIndexPage | None:
        parent = self.get_parent()
        parent = parent.specific if parent is not None else None
        return parent if isinstance(parent, NewsIndexPage) else None


@register_setting(icon="site")
class OrganisationSettings(BaseGenericSetting):
    """How to reach the organisation: shown in every footer and used by other apps.

    A generic (not per-site) setting because the chamber is one organisation whatever the
    hostname; the privacy contact is the address data subjects write to. Its name and
    address are words that change with the language, so they live in
    :class:`OrganisationIdentity`, which is translated like any other content.
    """

    contact_email = models.EmailField(_("general contact e-mail"), blank=True)
    privacy_email = models.EmailField(_("privacy contact e-mail"), blank=True)
    social_links = StreamField(
        [("link", SocialLinkBlock())], verbose_name=_("social links"), blank=True
    )

    panels = [
        FieldPanel("contact_email"),
        FieldPanel("privacy_email"),
        FieldPanel("social_links"),
    ]

    class Meta:
        verbose_name = _("organisation")


class OrganisationIdentity(TranslatableMixin, models.Model):
    """The organisation's name and postal address in one language.

    A translatable snippet (one per locale, translated with wagtail-localize) so that the
    French and English pages do not show the Dutch name and address.
    """

    name = models.CharField(_("organisation name"), max_length=255)
    address = models.TextField(_("address"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("address")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation name and address")
        verbose_name_plural = _("organisation names and addresses")

    def __str__(self) -> str:
        return self.name

    @classmethod
    def for_locale(cls, locale: Locale | None = None) -> OrganisationIdentity | None:
        """The identity in ``locale`` (default: the active one), else in the default locale."""
        locale = locale or Locale.get_active()
        identities = {identity.locale_id: identity for identity in cls.objects.all()}
        if locale.pk in identities:
            return identities[locale.pk]
        try:
            default = Locale.get_default()
        except Locale.DoesNotExist:
            default = None
        if default is not None and default.pk in identities:
            return identities[default.pk]
        return next(iter(identities.values()), None)

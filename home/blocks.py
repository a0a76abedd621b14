"""StreamField blocks shared by the chamber's content pages.

Kept in one place so the home page and ordinary pages offer editors the same vocabulary, and
the API serialises both the same way.
"""

import hashlib
import json

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from privacy.blocks import NewsletterSignupBlock

from .images import image_representation


class ImageBlock(blocks.StructBlock):
    """An image that always carries alternative text: decorative images are the exception."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=255,
        help_text=_("Describe the image for people who cannot see it; empty if decorative."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=255)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "home/blocks/image_block.html"

    def get_api_representation(self, value, context=None):
        # Renditions and the block's own alternative text, not the bare image id.
        return {
            "image": image_representation(value["image"], alt=value["alt_text"] or ""),
            "caption": value["caption"],
        }


class CallToActionBlock(blocks.StructBlock):
    """A prominent link to a page inside the site or to an address outside it."""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    link_label = blocks.CharBlock(label=_("Link label"), max_length=60)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External address"), required=False)

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "home/blocks/call_to_action_block.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": blocks.BlockValidationError(
                        _("Choose either a page or an external address.")
                    )
                }
            )
        return value


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "home/blocks/quote_block.html"


class BodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Rich text"),
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"],
        template="home/blocks/paragraph_block.html",
    )
    image = ImageBlock()
    call_to_action = CallToActionBlock()
    quote = QuoteBlock()
    newsletter_signup = NewsletterSignupBlock()

    def get_api_representation(self, value, context=None):
        """The body as API v2 gives it, kept like the rendered HTML of live pages.

        Each rich text block resolves its links and each image block its renditions with
        queries of its own, so a long body would cost a query per block on every request.
        The result depends only on the blocks and on the pages, images and documents they
        name, so it is cached under the page chrome's generation (``home.services``), which
        any publication, move or change of an image or document retires.
        """
        from . import services

        request = (context or {}).get("request")
        rich_text_format = request.GET.get("rich_text_format", "") if request else ""
        raw = json.dumps(self.get_prep_value(value), sort_keys=True, default=str)
        key = f"home:api-body:{services.chrome_generation()}:{translation.get_language()}:{rich_text_format}:{hashlib.sha256(raw.encode()).hexdigest()}"
        return services.chrome_cached(
            key=key, build=lambda: super(BodyBlock, self).get_api_representation(value, context)
        )


class ListingBlock(blocks.StructBlock):
    """The newest few items of one listing of the site, with a link to all of them.

    Hidden when the listing is empty. The items come from ``home.selectors.home_listing``;
    the home page's rendered content is cached and retired whenever a page is published
    (``home.services``), so the listing costs its queries once per publication, whatever
    the number of items.
    """

    title = blocks.CharBlock(
        label=_("Title"),
        required=False,
        max_length=120,
        help_text=_("Empty: the listing's usual title."),
    )
    count = blocks.IntegerBlock(label=_("How many"), default=3, min_value=1, max_value=12)

    kind = ""
    default_title = ""
    all_label = ""

    class Meta:
        icon = "list-ul"
        template = "home/blocks/listing_block.html"

    def get_context(self, value, parent_context=None):
        from .selectors import home_listing

        context = super().get_context(value, parent_context)
        page = (parent_context or {}).get("page")
        request = (parent_context or {}).get("request")
        context["listing"] = (
            home_listing(kind=self.kind, home=page, count=value["count"], request=request)
            if page is not None
            else None
        )
        context["title"] = value["title"] or self.default_title
        context["all_label"] = self.all_label
        context["kind"] = self.kind
        return context


class UpcomingEventsBlock(ListingBlock):
    kind = "events"
    default_title = _("Upcoming events")
    all_label = _("All events")

    class Meta:
        label = _("Upcoming events")
        icon = "date"


class OpenVacanciesBlock(ListingBlock):
    kind = "vacancies"
    default_title = _("Open vacancies")
    all_label = _("All vacancies")

    class Meta:
        label = _("Open vacancies")
        icon = "user"


class LatestNewsBlock(ListingBlock):
    kind = "news"
    default_title = _("Latest news")
    all_label = _("All news")

    class Meta:
        label = _("Latest news")
        icon = "doc-full"


class HomeBodyBlock(BodyBlock):
    """The home page's body: the content blocks, and the listings that lead visitors on."""

    upcoming_events = UpcomingEventsBlock()
    open_vacancies = OpenVacanciesBlock()
    latest_news = LatestNewsBlock()


# Brand names are not translated.
SOCIAL_NETWORKS = {
    "linkedin": "LinkedIn",
    "facebook": "Facebook",
    "instagram": "Instagram",
    "youtube": "YouTube",
    "mastodon": "Mastodon",
    "bluesky": "Bluesky",
    "x": "X",
}


class SocialLinkBlock(blocks.StructBlock):
    """One profile of the organisation on a social network, listed in the footer."""

    network = blocks.ChoiceBlock(
        label=_("Network"),
        choices=list(SOCIAL_NETWORKS.items()),
    )
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link"
        label = _("Social link")

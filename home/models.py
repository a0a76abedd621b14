"""The chamber's ordinary pages and its site-wide settings.

Every page model declares ``api_fields`` next to its panels so a headless front end gets the
same content as the HTML templates from ``/api/v2/pages/``.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.search import index

from .blocks import BodyBlock, SocialLinkBlock
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
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["wagtailcore.Page"]
    template = "home/home_page.html"

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("hero_text"), FieldPanel("hero_image")],
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
        APIField("intro"),
        APIField("body"),
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


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

"""Cookie consent: the categories visitors accept or refuse, their tags, the policy version."""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import RevisionMixin, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

ESSENTIAL = "essential"


class CookieBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), help_text=_("The cookie's exact name."))
    provider = blocks.CharBlock(label=_("Provider"))
    duration = blocks.CharBlock(label=_("Duration"), help_text=_("E.g. '6 months', 'session'."))
    description = blocks.CharBlock(label=_("What it does"), required=False)

    class Meta:
        icon = "tag"
        label = _("Cookie")


# Consent for a category is recorded under the purpose ``cookies-<key>``; forms never use these.
PURPOSE_PREFIX = "cookies-"


class CookieCategory(TranslatableMixin, RevisionMixin, index.Indexed, models.Model):
    """A kind of cookie visitors accept or refuse as a whole (essential ones are always on).

    Consent for a category is recorded in the ledger under the purpose ``cookies-<key>``;
    the cookies listed here are the ones deleted when a visitor refuses or withdraws it.
    Its earlier versions are kept as revisions, and each proof names the one the banner
    showed (``privacy.services.cookies.cookie_category_revision``).
    """

    key = models.SlugField(
        _("key"),
        max_length=64,
        help_text=_(
            "Stable identifier, the same in every translation: essential, preferences, "
            "analytics, advertising, social."
        ),
    )
    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"))
    cookies = StreamField(
        [("cookie", CookieBlock())], blank=True, verbose_name=_("cookies"), use_json_field=True
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="cookie_category")

    panels = [
        MultiFieldPanel(
            [FieldPanel("key"), FieldPanel("name"), FieldPanel("sort_order")],
            heading=_("Category"),
        ),
        FieldPanel("description"),
        FieldPanel("cookies"),
    ]

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        TranslatableField("cookies"),
        SynchronizedField("key"),
        SynchronizedField("sort_order"),
    ]

    search_fields = [index.SearchField("name"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("cookie category")
        verbose_name_plural = _("cookie categories")
        ordering = ["sort_order", "key"]
        constraints = [
            models.UniqueConstraint(
                fields=["key", "locale"], name="privacy_cookiecategory_key_locale"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def revisions(self):
        return self._revisions

    @property
    def is_essential(self) -> bool:
        return self.key == ESSENTIAL

    @property
    def purpose_key(self) -> str:
        return f"{PURPOSE_PREFIX}{self.key}"

    @property
    def cookie_names(self) -> list[str]:
        return [block.value["name"] for block in self.cookies]


def validate_script_url(value: str) -> None:
    if not (value.startswith("/") and not value.startswith("//")) and not value.startswith(
        "https://"
    ):
        raise ValidationError(
            _("Give a path on this site (/static/...) or an https:// address."), code="url"
        )


class Tag(index.Indexed, models.Model):
    """A tag or pixel: a script URL or a piece of HTML, rendered only once its category is
    accepted. Until then it is not in the page at all, or only as an inert ``<template>``."""

    name = models.CharField(_("name"), max_length=255)
    category = models.ForeignKey(
        CookieCategory,
        on_delete=models.PROTECT,
        related_name="tags",
        verbose_name=_("cookie category"),
        help_text=_("The tag runs only for visitors who accepted this category."),
    )
    script_url = models.CharField(
        _("script URL"), max_length=500, blank=True, validators=[validate_script_url]
    )
    html = models.TextField(
        _("HTML"),
        blank=True,
        help_text=_("Prefer a script URL: inline scripts do not pass a strict CSP."),
    )
    live = models.BooleanField(_("live"), default=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("category"),
        FieldPanel("script_url"),
        FieldPanel("html"),
        FieldPanel("live"),
    ]

    search_fields = [index.SearchField("name")]

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        if bool(self.script_url) == bool(self.html.strip()):
            raise ValidationError(_("Give either a script URL or HTML, not both."))


@register_setting(icon="tag")
class CookiePolicySettings(BaseGenericSetting):
    """The cookie policy's version: raising it asks every visitor to choose again."""

    version = models.PositiveIntegerField(
        _("cookie policy version"),
        default=1,
        help_text=_(
            "Raise it only for a material change (a new category, a new purpose, a new "
            "recipient): every visitor is then asked again."
        ),
    )
    changed_on = models.DateField(_("date of the last material change"), null=True, blank=True)

    panels = [FieldPanel("version"), FieldPanel("changed_on")]

    class Meta:
        verbose_name = _("cookie policy")

"""Who is responsible for the data (GDPR art. 4(7), 13(1)(a), 26): the controller identity.

One per language, so a French notice names the controllers in French: each controller's name,
address and company number, the contact for privacy questions, and, when several controllers
decide together, the essence of their arrangement (art. 26(2)). Notices, e-mails, the API and
the privacy policy all read it; the policy cannot be published without it.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class ControllerBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=255)
    address = blocks.TextBlock(label=_("Address"))
    company_number = blocks.CharBlock(
        label=_("Company number"), max_length=64, help_text=_("E.g. the enterprise number.")
    )

    class Meta:
        icon = "group"
        label = _("Controller")


class ControllerIdentity(TranslatableMixin, models.Model):
    """The controllers and the privacy contact, in one language."""

    controllers = StreamField(
        [("controller", ControllerBlock())],
        min_num=1,
        verbose_name=_("controllers"),
        help_text=_("The organisations that decide why and how personal data is processed."),
    )
    arrangement = models.TextField(
        _("arrangement between the controllers"),
        blank=True,
        help_text=_(
            "Needed when there are several controllers: the essence of who does what "
            "(GDPR art. 26), e.g. which of them answers requests."
        ),
    )
    contact = models.TextField(
        _("privacy contact"),
        help_text=_("Who answers privacy questions and requests, and how to reach them."),
    )
    contact_email = models.EmailField(_("privacy e-mail address"))

    panels = [
        FieldPanel("controllers"),
        FieldPanel("arrangement"),
        FieldPanel("contact"),
        FieldPanel("contact_email"),
    ]

    translatable_fields = [
        TranslatableField("controllers"),
        TranslatableField("arrangement"),
        TranslatableField("contact"),
        SynchronizedField("contact_email"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("controller identity")
        verbose_name_plural = _("controller identities")
        constraints = [
            models.UniqueConstraint(fields=["locale"], name="privacy_controlleridentity_locale"),
        ]

    def __str__(self) -> str:
        return self.names

    def clean(self):
        super().clean()
        if len(self.controller_list) > 1 and not self.arrangement.strip():
            raise ValidationError(
                {"arrangement": _("Several controllers: state the essence of their arrangement.")}
            )

    @property
    def controller_list(self) -> list[dict]:
        """Each controller as ``{"name", "address", "company_number"}``."""
        return [dict(block.value) for block in self.controllers if block.block_type == "controller"]

    @property
    def names(self) -> str:
        """The controllers' names as a sender or a notice names them."""
        return " & ".join(controller["name"] for controller in self.controller_list)

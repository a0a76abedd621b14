"""StreamField blocks privacy offers to content pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class NewsletterSignupBlock(blocks.StructBlock):
    """The newsletter sign-up form, with the same double opt-in as the footer's."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)

    class Meta:
        icon = "mail"
        label = _("Newsletter sign-up")
        template = "privacy/blocks/newsletter_signup_block.html"

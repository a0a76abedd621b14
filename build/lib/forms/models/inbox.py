"""Where a form's submissions land; who reads them is ``forms.permissions``' rule."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class Inbox(models.Model):
    """A mailbox for submissions, readable by one group only.

    The page editor chooses the inbox; the inbox decides who reads (``group``), who is told
    (``notification_address``) and how long submissions are kept (``purpose``). Keeping the
    readers on the inbox rather than on the page is what lets editors build forms whose
    answers they cannot see.
    """

    name = models.CharField(_("name"), max_length=255, unique=True)
    group = models.ForeignKey(
        "auth.Group",
        on_delete=models.PROTECT,
        related_name="form_inboxes",
        verbose_name=_("readers"),
        help_text=_("Members of this group (and superusers) read the submissions and files."),
    )
    notification_address = models.EmailField(
        _("notification address"),
        blank=True,
        help_text=_("Told about each new submission; the e-mail quotes no answers."),
    )
    purpose = models.ForeignKey(
        "privacy.Purpose",
        on_delete=models.PROTECT,
        related_name="form_inboxes",
        verbose_name=_("purpose"),
        help_text=_("Its retention period decides how long submissions are kept."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("group"),
        FieldPanel("notification_address"),
        FieldPanel("purpose"),
    ]

    class Meta:
        verbose_name = _("inbox")
        verbose_name_plural = _("inboxes")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

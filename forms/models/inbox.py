"""Where a form's submissions land; who reads them is ``forms.permissions``' rule."""

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel

from ..admin_forms import InboxAdminForm


class Inbox(ClusterableModel):
    """A mailbox for submissions, readable by one group only.

    The page editor chooses the inbox; the inbox decides who reads (``group``), who is told
    (``notification_address``) and how long submissions are kept (``purpose``). Keeping the
    readers on the inbox rather than on the page is what lets editors build forms whose
    answers they cannot see.

    ``name`` identifies the inbox (settings and imports name it); its readers see it in
    their admin's language when the inbox has a name in that language (:class:`InboxName`).
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

    # Its purpose is one a form may state (not the site's logs or proofs).
    base_form_class = InboxAdminForm
    panels = [
        FieldPanel("name"),
        InlinePanel("names", heading=_("Name in other languages"), label=_("Name")),
        FieldPanel("group"),
        FieldPanel("notification_address"),
        FieldPanel("purpose"),
    ]

    class Meta:
        verbose_name = _("inbox")
        verbose_name_plural = _("inboxes")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name_in()

    def name_in(self, language: str | None = None) -> str:
        """The inbox's name in ``language`` (default: the active one), else ``name``."""
        language = language or translation.get_language() or ""
        for name in self.names.all():
            if name.language == language:
                return name.name
        return self.name


def _languages():
    return settings.LANGUAGES


class InboxName(models.Model):
    """An inbox's name in one of the admin's languages: the admin speaks one language, and
    an inbox is data its administrators name, not a string the code ships."""

    inbox = ParentalKey(Inbox, on_delete=models.CASCADE, related_name="names")
    language = models.CharField(_("language"), max_length=16, choices=_languages)
    name = models.CharField(_("name"), max_length=255)

    panels = [FieldPanel("language"), FieldPanel("name")]

    class Meta:
        verbose_name = _("name in another language")
        verbose_name_plural = _("names in other languages")
        constraints = [
            models.UniqueConstraint(fields=["inbox", "language"], name="forms_inboxname_language")
        ]

    def __str__(self) -> str:
        return self.name

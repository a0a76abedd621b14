"""The rejection e-mail HR may send, one translation per language."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.models import TranslatableMixin

from privacy.services.mail import placeholders_fill


class RejectionEmailTemplate(TranslatableMixin, models.Model):
    """The words of the rejection e-mail, a snippet translated like pages are.

    The e-mail goes out in the applicant's language: the translation in the application's
    locale, else the default locale's. ``{name}``, ``{vacancy}`` and ``{organisation}`` are
    replaced; nothing else of the application is quoted.
    """

    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(
        _("text"),
        help_text=_("{name}, {vacancy} and {organisation} are replaced when the e-mail is sent."),
    )

    panels = [
        HelpPanel(
            content=_(
                "Sent when a recruiter rejects an application and chooses to tell the applicant."
            )
        ),
        FieldPanel("subject"),
        FieldPanel("body"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("rejection e-mail")
        verbose_name_plural = _("rejection e-mails")

    def __str__(self) -> str:
        return self.subject

    def render(self, *, name: str, vacancy: str, organisation: str) -> tuple[str, str]:
        """The subject and text with the placeholders filled in (no other formatting)."""
        values = {"name": name, "vacancy": vacancy, "organisation": organisation}
        return placeholders_fill(self.subject, values), placeholders_fill(self.body, values)

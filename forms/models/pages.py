"""The site's own form page and its fields: the base classes, made concrete."""

from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel

from .base_field import AbstractFormField
from .base_page import AbstractFormPage


class FormField(AbstractFormField):
    """One question of a :class:`FormPage`."""

    page = ParentalKey("forms.FormPage", on_delete=models.CASCADE, related_name="form_fields")

    class Meta(AbstractFormField.Meta):
        verbose_name = _("form field")
        verbose_name_plural = _("form fields")


class FormPage(AbstractFormPage):
    """A general-purpose form (contact, membership): questions, consents and an inbox."""

    send_acknowledgement = models.BooleanField(
        _("send an acknowledgement"),
        default=False,
        help_text=_(
            "The sender gets an e-mail repeating what they sent, with the purposes and how "
            "long it is kept."
        ),
    )

    content_panels = AbstractFormPage.content_panels + [FieldPanel("send_acknowledgement")]

    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("form page")
        verbose_name_plural = _("form pages")

    def submission_created(self, *, submission, data) -> None:
        # The setting is the source page's: one form, in every language.
        if submission.subject_email and self.get_source_page().send_acknowledgement:
            from ..services import submission_acknowledge

            transaction.on_commit(lambda: submission_acknowledge(submission=submission))

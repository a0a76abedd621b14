"""Speakers: a translatable snippet, chosen on event pages, and data subjects like anyone."""

from django.db import models
from django.db.models import Max, OuterRef, Subquery
from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail.search import index

from ..constants import PURPOSE_SPEAKER_PROFILES


def _profiles_expired(queryset, now):
    """Profiles whose speaker's last event ended longer ago than ``speaker-profiles`` keeps
    them (counted across the profile's translations); without that purpose, or for a
    speaker on no event yet (being prepared), nothing expires."""
    from privacy.selectors import purpose_get

    from .pages import EventPageSpeaker

    purpose = purpose_get(key=PURPOSE_SPEAKER_PROFILES)
    if purpose is None:
        return queryset.none()
    last_event = (
        EventPageSpeaker.objects.filter(speaker__translation_key=OuterRef("translation_key"))
        .order_by()
        .values("speaker__translation_key")
        .annotate(last=Max("page__end"))
        .values("last")
    )
    return queryset.annotate(last_event_end=Subquery(last_event)).filter(
        last_event_end__lte=purpose.retention.before(now)
    )


class Speaker(TranslatableMixin, index.Indexed, models.Model):
    """A speaker or trainer, translated like the pages that show them.

    Public on the event page (name, function, organisation, photo, biography) and holds no
    address: a speaker's link to a training's registration list is a
    :class:`~events.models.SpeakerLink`, made per training.
    """

    name = models.CharField(_("name"), max_length=150)
    function = models.CharField(_("function"), max_length=150, blank=True)
    organisation = models.CharField(_("organisation"), max_length=150, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("photo"),
    )
    biography = RichTextField(_("biography"), blank=True, features=["bold", "italic", "link"])
    # Never published nor in the API, and optional: it finds the profile (and its
    # translations, which share it) when the speaker asks for their data or its erasure.
    email = models.EmailField(
        _("e-mail (not published)"),
        blank=True,
        db_index=True,
        help_text=_(
            "The speaker's address, so that their profile is found when they ask for a copy "
            "of their data or its erasure. It is never shown on the site."
        ),
    )

    # No ``panels``: Wagtail's editing form shows every field above, in this order. The
    # API shows a speaker only within an event (``EventPage.api_speakers``).

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("organisation"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        ordering = ["name"]

    class PersonalData:
        subject = "email"
        expired = staticmethod(_profiles_expired)

    def __str__(self) -> str:
        return self.name

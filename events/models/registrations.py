"""Registrations and the speakers' access to a training's list."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forms.models import ConsentBound, KeptConsent, SubmissionRecord
from privacy.registry import Retention

from ..constants import RegistrationStatus


class Registration(SubmissionRecord):
    """One person's registration for an event: a seat, a place on the waiting list, or neither.

    The answers (name, function, company, address) are the
    :class:`forms.models.FormSubmission` this row belongs to; this row keeps only what the
    event itself needs to know. It lives and dies with the submission: retention (the
    ``event-registration`` purpose, counted from the event's end) and erasure delete both.

    ``hidden_from_list`` records an objection (GDPR art. 21) to the participant list,
    not a consent; ``photo_consent`` mirrors the person's current ``event-photos`` consent,
    whose proof is the consent ledger's.
    """

    event = models.ForeignKey(
        "events.EventPage",
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("event"),
        help_text=_("The event in its source language, shared by all its translations."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=RegistrationStatus.choices, db_index=True
    )
    # Order on the waiting list: the lowest waiting number moves up first. Kept after a
    # promotion so the order people joined in stays visible.
    waiting_number = models.PositiveIntegerField(_("waiting list number"), null=True, blank=True)
    hidden_from_list = models.BooleanField(_("objects to the participant list"), default=False)
    objected_at = models.DateTimeField(_("objected at"), null=True, blank=True)
    # When the address's owner first acted through a link in their confirmation e-mail
    # (confirmed it there): only then does the name go on the participant list, so nobody
    # can put someone else's name on it.
    link_followed_at = models.DateTimeField(_("address confirmed at"), null=True, blank=True)
    photo_consent = models.BooleanField(_("agrees to be photographed"), default=False)
    photo_choice_at = models.DateTimeField(_("photo choice made at"), null=True, blank=True)
    registered_at = models.DateTimeField(_("registered at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["registered_at", "pk"]
        indexes = [models.Index(fields=["event", "status", "waiting_number"])]

    def __str__(self) -> str:
        return f"{self.event_id} #{self.pk} ({self.status})"

    def admin_url(self) -> str:
        """The registration under its event, in the organisers' area."""
        from django.urls import reverse

        return reverse("events_registrations:registration", args=[self.event_id, self.pk])

    @property
    def is_confirmed(self) -> bool:
        return self.status == RegistrationStatus.CONFIRMED

    @property
    def is_waiting(self) -> bool:
        return self.status == RegistrationStatus.WAITING

    @property
    def is_cancelled(self) -> bool:
        return self.status == RegistrationStatus.CANCELLED


class RegistrationNeeds(ConsentBound):
    """A registrant's dietary or access needs, kept apart from the registration's answers.

    They may reveal health or religion (GDPR art. 9), so they are asked only under the
    ``event-needs`` explicit consent (``consent``, the proof it was given), read by the
    organisers alone, never searched, and deleted by retention when the event ends, while
    the registration itself is kept longer. Withdrawing the consent deletes them at once
    (forms' :class:`~forms.models.ConsentBound`).
    """

    registration = models.OneToOneField(
        Registration,
        on_delete=models.CASCADE,
        related_name="needs",
        verbose_name=_("registration"),
    )
    text = models.TextField(_("dietary or access needs"))

    class PersonalData:
        subject = "registration__submission__subject_email"
        purpose = "consent__purpose_key"
        # Until the event ends, as it is published now.
        expired = "registration__event__end"

    class Meta:
        verbose_name = _("dietary or access needs")
        verbose_name_plural = _("dietary or access needs")
        default_permissions = ()

    def __str__(self) -> str:
        return f"{self.registration_id}"


class PhotoConsent(KeptConsent):
    """A person's consent to be photographed and filmed as a main subject at one event, and to
    the publication of those images: kept as forms' record of its own, for the
    ``event-photos`` purpose's period counted from the event's end, long after the
    registration is gone; withdrawing deletes it (the proof stays).
    """

    event = models.ForeignKey(
        "events.EventPage",
        on_delete=models.SET_NULL,
        null=True,
        related_name="photo_consents",
        verbose_name=_("event"),
    )
    event_title = models.CharField(_("event"), max_length=255)

    class Meta(KeptConsent.Meta):
        verbose_name = _("photo consent")
        verbose_name_plural = _("photo consents")
        constraints = [
            models.UniqueConstraint(fields=["email", "event"], name="events_one_photo_consent")
        ]

    def __str__(self) -> str:
        return f"{self.event_title} ({self.given_at:%Y-%m-%d})"


class SpeakerLink(models.Model):
    """A speaker's signed, expiring link to one training's registration list.

    The link itself is signed (:mod:`events.services.links`) and names this row; it stops working when
    the training ends, or earlier when revoked. ``email`` is where it was sent. Kept, with its
    access log, for the ``event-registration`` purpose's period after the training ends.
    """

    event = models.ForeignKey(
        "events.EventPage",
        on_delete=models.CASCADE,
        related_name="speaker_links",
        verbose_name=_("training"),
    )
    speaker = models.ForeignKey(
        "events.Speaker",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("speaker"),
    )
    speaker_name = models.CharField(_("speaker's name"), max_length=150)
    email = models.EmailField(_("sent to"), db_index=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    # The training's end, copied so retention counts from it and is recomputed when it moves.
    ends_at = models.DateTimeField(_("training ends at"))
    retain_until = models.DateTimeField(_("kept until"), null=True, db_index=True)

    class PersonalData:
        subject = "email"
        purpose = "event__inbox__purpose__key"
        expired = "retain_until"
        retention = Retention(started="created_at", ended="ends_at")

    class Meta:
        verbose_name = _("speaker link")
        verbose_name_plural = _("speaker links")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.speaker_name} ({self.event_id})"

    def is_usable(self, now=None) -> bool:
        now = now or timezone.now()
        return self.revoked_at is None and now < self.ends_at


class SpeakerAccessLog(models.Model):
    """Every opening of a speaker's link: which link, and when.

    Kept as long as its link (the ``event-registration`` purpose's period after the training
    ends) and deleted with it.
    """

    link = models.ForeignKey(
        SpeakerLink, on_delete=models.CASCADE, related_name="accesses", verbose_name=_("link")
    )
    opened_at = models.DateTimeField(_("opened at"), default=timezone.now, db_index=True)

    class PersonalData:
        subject = "link__email"
        purpose = "link__event__inbox__purpose__key"
        # Follows its link, whose expiry the privacy core keeps from the training's end.
        expired = "link__retain_until"

    class Meta:
        verbose_name = _("speaker link opening")
        verbose_name_plural = _("speaker link openings")
        ordering = ["-opened_at", "-pk"]
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"{self.link_id} {self.opened_at:%Y-%m-%d %H:%M}"

"""Registrations and the speakers' access to a training's list."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forms.models import SubmissionRecord
from privacy.registry import Retention

from ..constants import RegistrationStatus


class Registration(SubmissionRecord):
    """One person's registration for an event: a seat, a place on the waiting list, or neither.

    The answers (name, function, company, address) are the
    :class:`forms.models.FormSubmission` this row belongs to; this row keeps only what the
    event itself needs to know. It lives and dies with the submission: retention (the
    ``event-registration`` purpose, counted from the event's end) and erasure delete both.

    ``hidden_from_list`` records an objection (GDPR art. 21) to the public participant list,
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

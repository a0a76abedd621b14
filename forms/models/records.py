"""Rows an app adds to a form submission: they live, expire and are erased with it.

A form page type that needs more than the answers (an application's status, a
registration's seat) keeps it in a model of its own next to the submission, as
:class:`SubmissionRecord` describes; the rows hanging off that one (status changes, notes)
follow the same submission, through their own path, with :func:`follows_submission`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from privacy.registry import Retention


def follows_submission(
    via: str = "submission", *, files: tuple[str, ...] = (), own_period: bool = False
) -> type:
    """The ``PersonalData`` declaration of a row that follows the submission at ``via``.

    Its subject, purpose and expiry are the submission's, so the privacy core finds,
    exports and deletes it with the submission, on the one date it computes for both.
    With ``own_period`` the row serves the submission's own purpose alone (HR's notes on
    an application): it goes when that purpose's period ends, even while a further purpose
    keeps the submission (the talent pool; see :func:`submissions_past_own_period`).
    """
    expired: object = f"{via}__retain_until"
    if own_period:

        def expired(queryset, now):
            past = list(submissions_past_own_period(now))
            return queryset.filter(
                Q(**{f"{via}__retain_until__lte": now}) | Q(**{f"{via}__pk__in": past})
            )

    return type(
        "PersonalData",
        (),
        {
            "subject": f"{via}__subject_email",
            "purpose": f"{via}__inbox__purpose__key",
            "expired": expired,
            # Read by ``FormsConfig.ready``: such a row goes by cascade with its submission.
            "_follows": via,
            **({"files": files} if files else {}),
        },
    )


def submissions_past_own_period(now) -> dict[int, frozenset[str]]:
    """Submissions kept for a further purpose alone (an application in the talent pool
    after its own period), each with the answer keys its page type keeps for that purpose
    (``AbstractFormPage.submission_keeps``). A submission whose form is gone is left whole
    until its end: what its page type keeps is no longer known."""
    from privacy.services import retention_own_passed

    from .submissions import FormSubmission

    pks = retention_own_passed(queryset=FormSubmission.objects.all(), now=now)
    rows = FormSubmission.objects.filter(pk__in=pks, page__isnull=False).select_related(
        "page__content_type"
    )
    kept = {}
    for submission in rows:
        page_type = submission.page.content_type.model_class()
        keeps = getattr(page_type, "submission_keeps", None)
        if keeps is not None:
            kept[submission.pk] = frozenset(keeps)
    return kept


def submission_files_expired(queryset, now):
    """A submitted file goes with its submission, or earlier once the submission is kept
    for a further purpose that does not keep it (a letter, where the talent pool keeps the
    CV)."""
    by_keeps: dict[frozenset[str], list[int]] = {}
    for pk, keeps in submissions_past_own_period(now).items():
        by_keeps.setdefault(keeps, []).append(pk)
    expired = Q(submission__retain_until__lte=now)
    for keeps, pks in by_keeps.items():
        expired |= Q(submission__pk__in=pks) & ~Q(field_key__in=keeps)
    return queryset.filter(expired)


def submissions_trim(*, now, dry_run: bool = False) -> int:
    """Remove from submissions kept for a further purpose alone the answers that purpose
    does not keep (an application's message and letter name); returns how many changed."""
    from .submissions import FormSubmission

    trimmed = 0
    for pk, keeps in submissions_past_own_period(now).items():
        answers = FormSubmission.objects.values_list("answers", flat=True).get(pk=pk) or {}
        kept = {key: value for key, value in answers.items() if key in keeps}
        if kept != answers:
            trimmed += 1
            if not dry_run:
                FormSubmission.objects.filter(pk=pk).update(answers=kept)
    return trimmed


class SubmissionRecord(models.Model):
    """What a form page type adds to one :class:`~forms.models.FormSubmission`.

    The answers and files stay on the submission (one submission flow for every form); the
    record adds what the page type's own workflow needs. It keeps no retention date of its
    own: the submission's, computed with the rules the page type adds
    (:meth:`forms.models.AbstractFormPage.submission_retention`), is the record's too. The
    submission reaches it as ``submission.<model name>``.
    """

    submission = models.OneToOneField(
        "forms.FormSubmission",
        on_delete=models.CASCADE,
        related_name="%(class)s",
        verbose_name=_("submission"),
    )

    PersonalData = follows_submission()

    class Meta:
        abstract = True

    def answer(self, key: str) -> str:
        """The submission's answer under ``key``, as text ("" when not given)."""
        return str(self.submission.answers.get(key) or "")

    def admin_url(self) -> str:
        """Where the app's readers open this record: the one place its submission is
        listed. The inboxes leave such submissions out and send their links here."""
        raise NotImplementedError(f"{type(self).__name__} must say where it is read.")


class ConsentBound(models.Model):
    """A row kept under a consent its subject gave with a submission (``consent``, its proof
    in the ledger, with the words they were shown): a registrant's dietary needs, a photo
    consent kept past the registration. Withdrawing that consent anywhere (the preference
    centre, a choices page, an erasure) deletes the row at once; the proof stays
    (:func:`forms.services.consent_bound_delete`)."""

    consent = models.ForeignKey(
        "privacy.ConsentRecord",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("consent"),
    )

    class Meta:
        abstract = True


class KeptConsent(ConsentBound):
    """A consent given with a submission, kept as a record of its own for its purpose's
    period counted from an end (an event's), long after the submission is gone: a
    registrant's consent to be photographed at one event.

    While it stands, the consent keeps its address, so the preference centre still lists
    it and they can withdraw it there. A subclass adds what the consent is for and its
    unique constraint; :func:`forms.services.kept_consent_keep` writes it.
    """

    email = models.EmailField(_("e-mail"), db_index=True)
    given_at = models.DateTimeField(_("given at"), default=timezone.now)
    # The end the period counts from, copied so that it moves with it (its page's
    # ``submission_end_moved``).
    ends_at = models.DateTimeField(_("ends at"))
    retain_until = models.DateTimeField(_("kept until"), null=True, db_index=True)

    class PersonalData:
        subject = "email"
        purpose = "consent__purpose_key"
        expired = "retain_until"
        retention = Retention(started="given_at", ended="ends_at")

    class Meta:
        abstract = True
        ordering = ["-given_at", "-pk"]
        default_permissions = ()


def consent_bound_models() -> list[type[ConsentBound]]:
    """Every installed model whose rows are kept under a consent."""
    from django.apps import apps

    return [model for model in apps.get_models() if issubclass(model, ConsentBound)]


def colleague_fields(verbose_name) -> tuple[models.ForeignKey, models.CharField]:
    """The colleague who did something to a record (wrote a note, changed a status): their
    account, and their name as it was then, which still says who once the account is
    gone. Assign both: ``author, author_name = colleague_fields(_("author"))``."""
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=verbose_name,
    )
    return account, models.CharField(verbose_name, max_length=150, blank=True)


def colleague_name(user) -> str:
    """What :func:`colleague_fields` keep as the name: the full name, else the username."""
    return (user.get_full_name() or user.get_username())[:150]


class RecordNote(models.Model):
    """A reader's note on a :class:`SubmissionRecord` (HR's on an application): personal
    data about the person the record is of.

    A subclass adds the foreign key to its record (``related_name="notes"``) and its
    ``PersonalData``, as a rule :func:`follows_submission` through that key with
    ``own_period``: the note serves the record's own purpose alone. Notes are added
    through :func:`forms.services.record_note_add`.
    """

    author, author_name = colleague_fields(_("author"))
    text = models.TextField(_("note"))
    created_at = models.DateTimeField(_("written at"), default=timezone.now)

    class Meta:
        abstract = True
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        ordering = ["created_at", "pk"]
        # Read and written through the record's own group rule, never model permissions.
        default_permissions = ()

    def __str__(self) -> str:
        return self.text[:50]


def submission_record_models() -> list[type[SubmissionRecord]]:
    """Every installed model that keeps a record with a submission (an application, a
    registration), each reached from the submission by its model name."""
    from django.apps import apps

    return [model for model in apps.get_models() if issubclass(model, SubmissionRecord)]


def submission_record(submission) -> SubmissionRecord | None:
    """The record an app keeps with ``submission``; None for a plain form's submission."""
    for model in submission_record_models():
        record = model._default_manager.filter(submission=submission).first()
        if record is not None:
            return record
    return None


def without_record(prefix: str = "") -> models.Q:
    """Matches the submissions no app keeps a record of: those an inbox lists. ``prefix``
    is the path from another model (``"submissions__"`` from an inbox)."""
    condition = models.Q()
    for model in submission_record_models():
        condition &= models.Q(**{f"{prefix}{model._meta.model_name}__isnull": True})
    return condition

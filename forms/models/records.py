"""Rows an app adds to a form submission: they live, expire and are erased with it.

A form page type that needs more than the answers (an application's status, a
registration's seat) keeps it in a model of its own next to the submission, as
:class:`SubmissionRecord` describes; the rows hanging off that one (status changes, notes)
follow the same submission, through their own path, with :func:`follows_submission`.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


def follows_submission(via: str = "submission", *, files: tuple[str, ...] = ()) -> type:
    """The ``PersonalData`` declaration of a row that follows the submission at ``via``.

    Its subject, purpose and expiry are the submission's, so the privacy core finds,
    exports and deletes it with the submission, on the one date it computes for both.
    """
    return type(
        "PersonalData",
        (),
        {
            "subject": f"{via}__subject_email",
            "purpose": f"{via}__inbox__purpose__key",
            "expired": f"{via}__retain_until",
            **({"files": files} if files else {}),
        },
    )


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

"""Applications: creating one with its submission, moving it through the workflow, notes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..constants import DECISIONS, ApplicationStatus, next_statuses
from ..models import Application, ApplicationNote, ApplicationStatusChange
from ..permissions import user_is_recruiter

if TYPE_CHECKING:
    from forms.models import FormSubmission
    from forms.services import SubmissionInput


class InvalidStatusChange(ValidationError):
    """The workflow does not allow this change (e.g. out of a decision)."""


def application_form_fields_default(*, field_model) -> list:
    """The prefilled application form: name, e-mail, phone, CV, letter, message, purposes."""
    raise NotImplementedError


def application_create(*, page, submission: FormSubmission, data: SubmissionInput) -> Application:
    """Store the application of a just-stored submission, in its transaction."""
    raise NotImplementedError


def application_status_change(
    *,
    application: Application,
    status: str,
    user,
    send_rejection: bool = False,
) -> Application:
    """Move ``application`` to ``status``, logging who and when.

    Refuses anyone but recruiters (:class:`PermissionDenied`) and a change the workflow does
    not allow (:class:`InvalidStatusChange`). A decision (hired, rejected, withdrawn) sets
    ``decided_at``, from which retention then counts. With ``send_rejection`` a rejection
    e-mail goes to the applicant in their language, after the commit.
    """
    if not user_is_recruiter(user):
        raise PermissionDenied
    status = ApplicationStatus(status)
    if status not in next_statuses(application.status):
        raise InvalidStatusChange(
            _("An application that is “%(from)s” cannot become “%(to)s”.")
            % {
                "from": ApplicationStatus(application.status).label,
                "to": status.label,
            }
        )
    now = timezone.now()
    with transaction.atomic():
        previous = application.status
        application.status = status
        application.status_changed_at = now
        if status in DECISIONS:
            application.decided_at = now
        application.save(update_fields=["status", "status_changed_at", "decided_at"])
        ApplicationStatusChange.objects.create(
            application=application,
            from_status=previous,
            to_status=status,
            changed_by=user,
            changed_by_name=user.get_username(),
            changed_at=now,
            rejection_sent=bool(send_rejection and status == ApplicationStatus.REJECTED),
        )
        from .retention import application_retention_update

        application_retention_update(application=application)
        if send_rejection and status == ApplicationStatus.REJECTED:
            from .mail import rejection_send

            transaction.on_commit(lambda: rejection_send(application=application))
    return application


def application_note_add(*, application: Application, user, text: str) -> ApplicationNote:
    """Add HR's note to ``application``; recruiters only."""
    if not user_is_recruiter(user):
        raise PermissionDenied
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("A note cannot be empty."))
    return ApplicationNote.objects.create(
        application=application, author=user, author_name=user.get_username(), text=text
    )


def application_delete(*, application: Application) -> None:
    """Delete the application at once: its files, submission, notes, history and log entries.

    Goes through the privacy core's erasure of rows (files first, then rows, counted in the
    deletion log), so nothing but that count remains.
    """
    raise NotImplementedError

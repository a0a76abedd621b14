"""Everything in careers with side effects, as keyword-only, typed functions: applications
(created with their submission, moved through the workflow, noted on) and the talent pool's
renewal, asked before its end (leaving the pool is withdrawing its consent, in privacy's
preference centre). The signed links live in :mod:`.links`, the e-mails in :mod:`.mail`.

Status changes and notes are refused (``PermissionDenied``) to anyone but the
``Recruitment`` group and superusers here, so no screen can forget the rule.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from forms.models import colleague_name
from forms.services import record_note_add, submission_retention_update
from privacy.services import consent_given, consent_renewals_ask
from privacy.services.mail import mail_cancel

from .. import conf
from .. import constants as c
from ..constants import DECISIONS, TALENT_POOL_PURPOSE, ApplicationStatus, next_statuses
from ..models import Application, ApplicationNote, ApplicationStatusChange
from ..permissions import recruitment_policy
from . import mail

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    from forms.models import FormSubmission
    from forms.services import SubmissionInput

    from ..models import ApplicationFormPage

    User = AbstractBaseUser | AnonymousUser


def application_create(
    *, page: ApplicationFormPage, submission: FormSubmission, data: SubmissionInput
) -> Application:
    """Store the application of a just-stored submission, in its transaction.

    Called by the form base (:meth:`forms.models.AbstractFormPage.submission_created`) for
    the HTML form and the API alike. The submission's retention is computed again with the
    application's rules (the talent pool), and the application follows it.
    """
    vacancy = page.get_vacancy()
    name = str(submission.answers.get(c.KEY_NAME) or "")[:255]
    application = Application(
        submission=submission,
        vacancy=vacancy,
        vacancy_title=submission.form_title,
        applicant_name=name,
        locale=data.locale,
        submitted_at=submission.submitted_at,
        status_changed_at=submission.submitted_at,
        talent_pool_since=submission.submitted_at
        if consent_given(decisions=data.decisions, purpose_key=c.TALENT_POOL_PURPOSE)
        else None,
    )
    application.save(force_insert=True)
    submission_retention_update(submission=submission, decisions=data.decisions)
    transaction.on_commit(lambda: mail.confirmation_send(application=application))
    return application


def application_status_change(
    *,
    application: Application,
    status: str,
    user: User,
    send_rejection: bool = False,
) -> Application:
    """Move ``application`` to ``status``, logging who and when.

    Refuses anyone but recruiters (:class:`PermissionDenied`) and a change the workflow does
    not allow (:class:`ValidationError`). A decision (hired, rejected, withdrawn) sets
    ``decided_at``, from which retention then counts; reopening a decision clears it. With
    ``send_rejection`` a rejection e-mail is queued to the applicant in their language; it
    leaves after the grace period, until which :func:`application_rejection_undo` stops it.
    """
    recruitment_policy.member_required(user)
    try:
        status = ApplicationStatus(status)
    except ValueError as error:
        raise ValidationError(_("Unknown status.")) from error
    with transaction.atomic():
        # Read again under a lock: two recruiters changing it at once see each other's change.
        current = Application.objects.select_for_update().get(pk=application.pk)
        if status not in next_statuses(current.status):
            raise ValidationError(
                _("An application that is “%(from)s” cannot become “%(to)s”.")
                % {"from": ApplicationStatus(current.status).label, "to": status.label}
            )
        if current.status == ApplicationStatus.REJECTED:
            # Reopened within the grace period: its rejection e-mail must not leave now.
            last = current.status_changes.last()
            if last is not None and last.rejection_mail_id:
                mail_cancel(mail_id=last.rejection_mail_id)
        rejection = None
        if send_rejection and status == ApplicationStatus.REJECTED:
            rejection = mail.rejection_send(application=application)
        _status_set(
            application, previous=current.status, status=status, user=user, rejection=rejection
        )
    return application


def _status_set(
    application: Application, *, previous: str, status: str, user: User, rejection=None
) -> None:
    """Store the new status and its log line (with the rejection e-mail queued, if any),
    and recompute the retention it decides."""
    now = timezone.now()
    application.status = status
    application.status_changed_at = now
    application.decided_at = now if status in DECISIONS else None
    application.save(update_fields=["status", "status_changed_at", "decided_at"])
    ApplicationStatusChange.objects.create(
        application=application,
        from_status=previous,
        to_status=status,
        changed_by=user,
        changed_by_name=colleague_name(user),
        changed_at=now,
        rejection_sent=rejection is not None,
        rejection_mail=rejection,
    )
    submission_retention_update(submission=application.submission)


def application_rejection_undoable(*, application: Application) -> ApplicationStatusChange | None:
    """The rejection that may still be undone: the last change, a rejection made within the
    grace period whose e-mail, if any, has not left."""
    change = application.status_changes.select_related("rejection_mail").last()
    if change is None or change.to_status != ApplicationStatus.REJECTED:
        return None
    grace = datetime.timedelta(minutes=conf.rejection_grace_minutes())
    if change.changed_at + grace <= timezone.now():
        return None
    waiting = change.rejection_mail is not None and change.rejection_mail.is_waiting
    if change.rejection_sent and not waiting:
        return None
    return change


def application_rejection_undo(*, application: Application, user: User) -> Application:
    """Undo a rejection within its grace period: its e-mail is stopped before it leaves,
    and the application is back where it was, with both steps in its history."""
    recruitment_policy.member_required(user)
    with transaction.atomic():
        current = Application.objects.select_for_update().get(pk=application.pk)
        change = application_rejection_undoable(application=current)
        if change is None or (
            change.rejection_mail_id and not mail_cancel(mail_id=change.rejection_mail_id)
        ):
            raise ValidationError(
                _("This rejection can no longer be undone: its e-mail has left or its time is up.")
            )
        ApplicationStatusChange.objects.filter(pk=change.pk).update(rejection_sent=False)
        _status_set(application, previous=current.status, status=change.from_status, user=user)
    return application


def application_note_add(*, application: Application, user: User, text: str) -> ApplicationNote:
    """Add HR's note to ``application``; recruiters only, and never an empty one."""
    recruitment_policy.member_required(user)
    return record_note_add(notes=application.notes, user=user, text=text)


def talent_pool_reminders_send(*, now: datetime.datetime | None = None) -> int:
    """Send the renewal e-mail to candidates whose talent-pool period ends within the
    reminder window (``CAREERS_TALENT_POOL_REMINDER_DAYS``, 30 by default).

    Each gets one e-mail per period, in the language they applied in, with a one-click
    signed link to renew for another period. Returns how many were sent.
    """
    return consent_renewals_ask(
        Application.objects.select_related("submission"),
        purpose_key=TALENT_POOL_PURPOSE,
        since="talent_pool_since",
        reminded="talent_pool_reminded_at",
        days=conf.talent_pool_reminder_days(),
        ask=lambda application: mail.renewal_send(application=application),
        now=now,
    )

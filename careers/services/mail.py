"""E-mails careers sends to applicants, in their language, through privacy's one sender.

Each is queued with the application alone; the worker puts the rest together when it
renders (:func:`application_mail_build`), from the application as it is then. HR hears of a
new application through the forms' inbox notice, which links to the application in the
recruitment area (:meth:`careers.models.Application.admin_url`).
"""

from __future__ import annotations

import datetime

from django.utils import timezone, translation

from forms.models import FormSubmission
from forms.services import record_mail_queue
from privacy.models import OutgoingMail
from privacy.periods import period_in_words
from privacy.selectors import controller_name, in_language, purpose_get, purpose_notice
from privacy.services import retention_compute

from .. import conf
from ..constants import APPLICATION_PURPOSE, TALENT_POOL_PURPOSE
from ..models import Application, RejectionEmailTemplate


def _kept_without_decision(application: Application):
    """Until when the application purpose alone keeps it, while nothing is decided."""
    submission = application.submission
    undecided = FormSubmission(
        inbox=submission.inbox, submitted_at=submission.submitted_at, ends_at=submission.ends_at
    )
    return retention_compute(instance=undecided)


def _queue(application: Application, kind: str, at=None, **context) -> OutgoingMail | None:
    """To the applicant alone, in the language they applied in (forms' record mail)."""
    return record_mail_queue(
        record=application,
        template=f"careers/email/{kind}",
        build="careers.services.mail.application_mail_build",
        at=at,
        kind=kind,
        **context,
    )


def application_mail_build(context: dict) -> tuple[dict, list]:
    """In the worker, in the mail's language: the applicant's name, the vacancy as they saw
    it, and what the kind of mail says (a receipt, a renewal request)."""
    application = context["application"]
    kinds = {"confirmation": confirmation_context, "renewal": renewal_context}
    extra = kinds[context["kind"]](application) if context["kind"] in kinds else {}
    context = {
        **context,
        "name": application.applicant_name,
        "vacancy": application.submission.title_seen,
        **extra,
    }
    return context, []


def confirmation_context(application: Application) -> dict:
    """What the confirmation says: what was received, for which purposes, how long (in the
    words of the form's notice: a spontaneous application's counts from its submission)."""
    from .links import WITHDRAW

    submission = application.submission
    page = submission.page_filled_in()
    purpose = purpose_get(key=APPLICATION_PURPOSE, locale=application.locale)
    retention = ""
    if purpose is not None:
        has_end = page.submission_has_end if page is not None else None
        retention = purpose_notice(purpose, application.locale, has_end=has_end).retention
    talent_pool = purpose_get(key=TALENT_POOL_PURPOSE, locale=application.locale)
    talent_pool_until = (
        talent_pool.retain_until(application.talent_pool_since)
        if talent_pool is not None and application.talent_pool_since is not None
        else None
    )
    return {
        "files": [attachment.original_name for attachment in submission.attachments.all()],
        "application_purpose": purpose,
        "retention": retention,
        "talent_pool_purpose": talent_pool,
        "talent_pool_until": talent_pool_until,
        "kept_until": _kept_without_decision(application),
        "withdraw_url": WITHDRAW.url(application, locale=application.locale),
    }


def confirmation_send(*, application: Application) -> bool:
    """The applicant's receipt, in the language of the page they applied on."""
    return _queue(application, "confirmation") is not None


def rejection_send(*, application: Application) -> OutgoingMail | None:
    """Queue the rejection e-mail in the applicant's language, to leave once the grace period
    HR may undo it in is over; None when none is set up. Its words are the template's as HR
    rejects: what HR confirmed leaves."""
    template = in_language(RejectionEmailTemplate.objects.all(), application.locale)
    if template is None:
        return None
    with translation.override(application.locale):
        subject, text = template.render(
            name=application.applicant_name,
            vacancy=application.submission.title_seen,
            organisation=controller_name(),
        )
    at = timezone.now() + datetime.timedelta(minutes=conf.rejection_grace_minutes())
    return _queue(application, "rejection", at=at, subject=subject, text=text)


def renewal_context(application: Application) -> dict:
    """What the renewal request says: the talent pool's end, and the link that renews it."""
    from .links import RENEW

    talent_pool = purpose_get(key=TALENT_POOL_PURPOSE, locale=application.locale)
    return {
        "purpose": talent_pool,
        "period": period_in_words(talent_pool.retention),
        "until": talent_pool.retain_until(application.talent_pool_since),
        "renew_url": RENEW.url(application, locale=application.locale),
    }


def renewal_send(*, application: Application) -> bool:
    """Ask the candidate to renew their place in the talent pool, with a one-click link."""
    return _queue(application, "renewal") is not None

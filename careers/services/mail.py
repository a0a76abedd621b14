"""E-mails careers sends: to the applicant in their language, to HR without personal data."""

from __future__ import annotations

import logging
from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from forms.models import FormSubmission
from privacy.models import OutcomeRetention
from privacy.selectors import controller_name, purpose_get
from privacy.services import retention_compute
from privacy.services.preferences import preference_centre_url

from ..constants import APPLICATION_PURPOSE, TALENT_POOL_PURPOSE, ApplicationStatus
from ..models import Application, RejectionEmailTemplate

logger = logging.getLogger(__name__)


def _send(*, template: str, to: str, locale: str, context: dict) -> None:
    with translation.override(locale):
        context = {**context, "locale": locale, "organisation": controller_name()}
        subject = render_to_string(f"careers/email/{template}_subject.txt", context)
        body = render_to_string(f"careers/email/{template}_body.txt", context)
    send_mail(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [to])


def recruitment_url(application: Application) -> str:
    """The application in the recruitment area (or the area itself before it exists)."""
    try:
        path = reverse("careers_recruitment:application", args=[application.pk])
    except NoReverseMatch:
        path = f"{reverse('wagtailadmin_home')}recruitment/"
    return urljoin(settings.WAGTAILADMIN_BASE_URL, path)


def applicant_vacancy_title(application: Application) -> str:
    """The title the applicant saw: the page they applied on, in their language."""
    page = application.submission.translation_page
    return page.title if page is not None else application.vacancy_title


def _kept_without_decision(application: Application):
    """Until when the application purpose alone keeps it, while nothing is decided."""
    submission = application.submission
    undecided = FormSubmission(
        inbox=submission.inbox, submitted_at=submission.submitted_at, ends_at=submission.ends_at
    )
    return retention_compute(instance=undecided)


def confirmation_context(application: Application) -> dict:
    """What the confirmation says: what was received, for which purposes, how long."""
    submission = application.submission
    outcomes = dict(
        OutcomeRetention.objects.filter(purpose_key=APPLICATION_PURPOSE).values_list(
            "outcome", "retention_days"
        )
    )
    talent_pool = purpose_get(key=TALENT_POOL_PURPOSE, locale=application.locale)
    talent_pool_until = (
        talent_pool.retain_until(application.talent_pool_since)
        if talent_pool is not None and application.talent_pool_since is not None
        else None
    )
    from .links import application_withdraw_url

    return {
        "application": application,
        "vacancy": applicant_vacancy_title(application),
        "name": application.applicant_name,
        "files": [attachment.original_name for attachment in submission.attachments.all()],
        "application_purpose": purpose_get(key=APPLICATION_PURPOSE, locale=application.locale),
        "talent_pool_purpose": talent_pool,
        "talent_pool_until": talent_pool_until,
        "kept_until": _kept_without_decision(application),
        "rejected_days": outcomes.get(ApplicationStatus.REJECTED),
        "hired_days": outcomes.get(ApplicationStatus.HIRED),
        "withdraw_url": application_withdraw_url(application=application),
        "preferences_url": preference_centre_url(submission.subject_email, application.locale),
    }


def confirmation_send(*, application: Application) -> None:
    """The applicant's receipt, in the language of the page they applied on."""
    email = application.submission.subject_email
    if not email:
        return
    _send(
        template="confirmation",
        to=email,
        locale=application.locale,
        context=confirmation_context(application),
    )


def hr_notify(*, application: Application) -> None:
    """Tell the recruitment inbox: the vacancy's title and a link, nothing about the person."""
    address = application.submission.inbox.notification_address
    if not address:
        return
    _send(
        template="new_application",
        to=address,
        locale=settings.LANGUAGE_CODE,
        context={"vacancy": application.vacancy_title, "url": recruitment_url(application)},
    )


def application_mails_send(*, application: Application) -> None:
    """After an application is stored: the receipt to the applicant, the notice to HR.

    A mail outage must not undo a stored application: failures are logged, not raised.
    """
    for send in (confirmation_send, hr_notify):
        try:
            send(application=application)
        except Exception:
            logger.exception("%s for application %s failed", send.__name__, application.pk)


def rejection_template(locale: str) -> RejectionEmailTemplate | None:
    """The rejection e-mail in ``locale``, else the default language's."""
    templates = {
        template.locale.language_code: template
        for template in RejectionEmailTemplate.objects.select_related("locale")
    }
    return templates.get(locale) or templates.get(settings.LANGUAGE_CODE)


def rejection_send(*, application: Application) -> bool:
    """Send the rejection e-mail in the applicant's language; False when none is set up."""
    email = application.submission.subject_email
    template = rejection_template(application.locale)
    if not email or template is None:
        return False
    with translation.override(application.locale):
        subject, body = template.render(
            name=application.applicant_name,
            vacancy=applicant_vacancy_title(application),
            organisation=controller_name(),
        )
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [email])
    except Exception:
        logger.exception("Rejection e-mail for application %s failed", application.pk)
        return False
    return True


def renewal_send(*, application: Application) -> None:
    """Ask the candidate to renew their place in the talent pool, with a one-click link."""
    from .links import application_renew_url

    talent_pool = purpose_get(key=TALENT_POOL_PURPOSE, locale=application.locale)
    _send(
        template="renewal",
        to=application.submission.subject_email,
        locale=application.locale,
        context={
            "application": application,
            "vacancy": applicant_vacancy_title(application),
            "name": application.applicant_name,
            "purpose": talent_pool,
            "until": talent_pool.retain_until(application.talent_pool_since),
            "renew_url": application_renew_url(application=application),
            "preferences_url": preference_centre_url(
                application.submission.subject_email, application.locale
            ),
        },
    )

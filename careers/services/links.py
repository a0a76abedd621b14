"""Signed one-click links: withdraw an application, renew the talent-pool consent.

A link names the application and the date it was made for (the submission, the talent-pool
consent), signed with a salt per action (:class:`privacy.links.RowLink`); a tampered or
expired link, or one whose application has changed since (renewed already, gone), raises
privacy's ``LinkInvalid`` or ``LinkExpired`` and changes nothing.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from forms.models import FormSubmission
from forms.services import submission_consent_give, submission_retention_update
from privacy.links import LinkInvalid, RowLink
from privacy.services import rows_erase

from .. import conf
from ..constants import TALENT_POOL_PURPOSE
from ..models import Application

WITHDRAW = RowLink(
    salt="careers.application.withdraw",
    view="careers:withdraw",
    max_age_days=conf.link_max_age_days,
    stamps=("submitted_at",),
)
# Stamped with the consent's date: a renewal link works once, and not after a withdrawal.
RENEW = RowLink(
    salt="careers.application.renew",
    view="careers:renew",
    max_age_days=conf.renew_link_max_age_days,
    stamps=("talent_pool_since",),
)


def application_for_withdraw_token(*, token: str) -> Application:
    """The application a withdrawal link names; :class:`LinkInvalid` otherwise."""
    return WITHDRAW.row(token=token, queryset=Application.objects.all())


def application_for_renew_token(*, token: str) -> Application:
    """The application a renewal link names while it is still in the pool as the link saw
    it; :class:`LinkInvalid` otherwise (tampered, expired, used, withdrawn, gone)."""
    queryset = Application.objects.select_related("submission")
    return RENEW.row(token=token, queryset=queryset.filter(talent_pool_since__isnull=False))


def application_withdraw(*, application: Application) -> None:
    """The applicant withdraws: the application is deleted at once, with its files,
    submission, notes and history.

    Erased through the privacy core from its submission (files first, then the rows), so
    only a count in the deletion log remains and the applicant's consent proofs are hashed
    when nothing else is held about them. Wagtail's log entries of the application go too
    (:func:`privacy.services.traces.log_entries_forget`).
    """
    rows_erase(queryset=FormSubmission.objects.filter(pk=application.submission_id))


def application_talent_pool_renew(*, application: Application) -> Application:
    """Renew the talent-pool consent for another period from now.

    Recorded in the consent ledger as consent given again (with the text shown now), so the
    proof covers the new period; the privacy core then keeps the application that long.
    """
    with transaction.atomic():
        given = submission_consent_give(
            submission=application.submission, purpose_key=TALENT_POOL_PURPOSE
        )
        if not given:
            raise LinkInvalid
        application.talent_pool_since = timezone.now()
        application.talent_pool_reminded_at = None
        application.save(update_fields=["talent_pool_since", "talent_pool_reminded_at"])
        submission_retention_update(submission=application.submission)
    return application


def application_talent_pool_renew_by_token(*, token: str) -> Application:
    """Renew the talent pool of the application a signed token names; LinkInvalid otherwise."""
    with transaction.atomic():
        application = application_for_renew_token(token=token)
        return application_talent_pool_renew(application=application)

"""Signed one-click links: withdraw an application, renew the talent-pool consent.

A link carries the application's id and what it was made for, signed with a salt per
action (:mod:`privacy.links`); a tampered or expired link, or one whose application has
changed since (renewed already, gone), raises privacy's ``LinkInvalid`` or ``LinkExpired``
and changes nothing.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from forms.models import FormSubmission
from forms.services import submission_consent_give, submission_retention_update
from privacy.links import LinkInvalid, absolute_url, link_load, link_sign
from privacy.services import rows_erase

from .. import conf
from ..constants import TALENT_POOL_PURPOSE
from ..models import Application

WITHDRAW_SALT = "careers.application.withdraw"
RENEW_SALT = "careers.application.renew"


def _stamp(value) -> str:
    return value.isoformat() if value is not None else ""


def application_withdraw_url(*, application: Application) -> str:
    """The absolute, signed URL that withdraws ``application`` (and deletes it)."""
    payload = {"a": application.pk, "s": _stamp(application.submitted_at)}
    token = link_sign(salt=WITHDRAW_SALT, payload=payload)
    return absolute_url(name="careers:withdraw", locale=application.locale, kwargs={"token": token})


def application_renew_url(*, application: Application) -> str:
    """The absolute, signed URL that renews ``application``'s talent-pool consent."""
    payload = {"a": application.pk, "t": _stamp(application.talent_pool_since)}
    token = link_sign(salt=RENEW_SALT, payload=payload)
    return absolute_url(name="careers:renew", locale=application.locale, kwargs={"token": token})


def application_for_withdraw_token(*, token: str) -> Application:
    """The application a withdrawal link names; :class:`LinkInvalid` otherwise."""
    payload = link_load(salt=WITHDRAW_SALT, token=token, max_age_days=conf.link_max_age_days())
    application = Application.objects.filter(pk=payload.get("a")).first()
    if application is None or _stamp(application.submitted_at) != payload.get("s"):
        raise LinkInvalid
    return application


def application_for_renew_token(*, token: str) -> Application:
    """The application a renewal link names while it is still in the pool as the link saw
    it; :class:`LinkInvalid` otherwise (tampered, expired, used, withdrawn, gone)."""
    payload = link_load(salt=RENEW_SALT, token=token, max_age_days=conf.renew_link_max_age_days())
    application = (
        Application.objects.select_related("submission").filter(pk=payload.get("a")).first()
    )
    if (
        application is None
        or application.talent_pool_since is None
        or _stamp(application.talent_pool_since) != payload.get("t")
    ):
        raise LinkInvalid
    return application


def application_withdraw(*, application: Application) -> None:
    """The applicant withdraws: the application is deleted at once, with its files,
    submission, notes and history.

    Erased through the privacy core from its submission (files first, then the rows), so
    only a count in the deletion log remains and the applicant's consent proofs are hashed
    when nothing else is held about them. Wagtail's log entries of the application go too
    (:mod:`careers.receivers`).
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

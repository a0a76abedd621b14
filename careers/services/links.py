"""Signed one-click links: withdraw an application, renew the talent-pool consent.

A link carries the application's id and a signature (``django.core.signing``, salted per
action); a tampered or expired link changes nothing.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError

from ..models import Application


class LinkInvalid(ValidationError):
    """The link was tampered with, has expired, or its application is gone."""


def application_withdraw_url(*, application: Application) -> str:
    """The absolute, signed URL that withdraws ``application`` (and deletes it)."""
    raise NotImplementedError


def application_renew_url(*, application: Application) -> str:
    """The absolute, signed URL that renews ``application``'s talent-pool consent."""
    raise NotImplementedError


def application_withdraw(*, application: Application) -> None:
    """The applicant withdraws: the application and its files are deleted at once."""
    raise NotImplementedError


def application_withdraw_by_token(*, token: str) -> None:
    """Withdraw the application a signed token names; :class:`LinkInvalid` otherwise."""
    raise NotImplementedError


def application_talent_pool_renew(*, application: Application) -> Application:
    """Renew the talent-pool consent for another period (recorded in the consent ledger)."""
    raise NotImplementedError


def application_talent_pool_renew_by_token(*, token: str) -> Application:
    """Renew the talent pool of the application a signed token names; LinkInvalid otherwise."""
    raise NotImplementedError

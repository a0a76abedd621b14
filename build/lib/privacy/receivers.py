"""Keeping stored retention dates right when what they depend on changes.

Connected in :meth:`privacy.apps.PrivacyConfig.ready`; the work is in
:mod:`privacy.services.retention_dates`, for every model that declares ``retention``.
"""

from __future__ import annotations


def purpose_retention_changed(sender, *, key: str, **kwargs) -> None:
    from .services import retention_refresh

    retention_refresh(purpose_key=key)


def consent_withdrawn(sender, *, email: str, purpose_key: str, withdrawn_at, **kwargs) -> None:
    from .services import retention_consent_withdrawn

    retention_consent_withdrawn(email=email, purpose_key=purpose_key, withdrawn_at=withdrawn_at)

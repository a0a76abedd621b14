"""Keeping stored ``retain_until`` right when the privacy core changes what it depends on.

Connected in :meth:`forms.apps.FormsConfig.ready`; the work is in :mod:`forms.services`.
"""

from __future__ import annotations


def purpose_retention_changed(sender, *, key: str, **kwargs) -> None:
    from . import services

    services.submissions_retention_refresh(purpose_key=key)


def consent_withdrawn(sender, *, email: str, purpose_key: str, withdrawn_at, **kwargs) -> None:
    from . import services

    services.submissions_consent_withdrawn(
        email=email, purpose_key=purpose_key, withdrawn_at=withdrawn_at
    )

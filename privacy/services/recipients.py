"""Telling recipients of an erasure or rectification (GDPR art. 19), and recording it."""

from __future__ import annotations

from django.utils import timezone, translation
from wagtail.log_actions import log

from .. import conf
from ..models import DataSubjectRequest, RecipientNotice
from ..recipients import recipients_for


def _current(request: DataSubjectRequest) -> list[RecipientNotice]:
    # In the officers' language: they are the ones who write to the recipients.
    with translation.override(conf.officers_language()):
        found = recipients_for(request.email)
    return [RecipientNotice(request=request, recipient=r.name, reason=r.reason) for r in found]


def request_recipients_list(*, request: DataSubjectRequest) -> list[RecipientNotice]:
    """Store who received the requester's data, while it is still there to tell: before an
    erasure, or when the officer records telling them. Recipients stored already stay."""
    stored = {notice.recipient for notice in request.recipient_notices.all()}
    RecipientNotice.objects.bulk_create(
        notice for notice in _current(request) if notice.recipient not in stored
    )
    return list(request.recipient_notices.all())


def request_recipients(*, request: DataSubjectRequest) -> list[RecipientNotice]:
    """The recipients the officer sees: the stored ones (the data may be gone), else those
    of the data held now (unsaved)."""
    return list(request.recipient_notices.select_related("notified_by")) or _current(request)


def request_recipients_told(*, request: DataSubjectRequest, user) -> int:
    """Record that every recipient not told yet has been told now, by ``user``."""
    request_recipients_list(request=request)
    count = request.recipient_notices.filter(notified_at__isnull=True).update(
        notified_at=timezone.now(), notified_by=user
    )
    log(instance=request, action="privacy.request.recipients", user=user, data={"count": count})
    return count

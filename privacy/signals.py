"""Signals the privacy core sends so apps that store a computed ``retain_until`` can keep
it right. Both are sent on transaction commit, so a receiver never acts on a change that
is later rolled back.

``purpose_retention_changed``
    sent with ``sender=Purpose``, ``purpose`` (the saved instance, any locale) and ``key``
    after a purpose's ``retention_days`` or ``retention_from`` differs from what the database
    held before the save (the source or any translation).

``consent_withdrawn``
    sent with ``sender=ConsentRecord``, ``email`` (normalised), ``purpose_key`` and
    ``withdrawn_at`` by :func:`privacy.services.consent_withdraw` for a subject whose grant
    was withdrawn; not for anonymous cookie choices, which hold no data to recompute.
"""

from django.dispatch import Signal

purpose_retention_changed = Signal()
consent_withdrawn = Signal()

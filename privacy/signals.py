"""Signals the privacy core sends when what a stored retention date depends on changes.

The core itself receives both (:mod:`privacy.receivers`) and recomputes the date of every
model whose ``PersonalData`` declares ``retention``; apps connect only for anything else.
Both are sent on transaction commit, so a receiver never acts on a change that is later
rolled back.

``purpose_retention_changed``
    sent with ``sender=Purpose``, ``purpose`` (the saved instance, any locale) and ``key``
    after a purpose's ``retention_period``, ``retention_unit`` or ``retention_from`` differs from what the database
    held before the save (the source or any translation).

``consent_withdrawn``
    sent with ``sender=ConsentRecord``, ``email`` (normalised), ``purpose_key`` and
    ``withdrawn_at`` by :func:`privacy.services.consent_withdraw` for a subject whose grant
    was withdrawn; not for anonymous cookie choices, which hold no data to recompute.
"""

from django.dispatch import Signal

purpose_retention_changed = Signal()
consent_withdrawn = Signal()

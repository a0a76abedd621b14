"""What readers do to a submission record an app keeps (an application, a registration):
their notes on it (the app's own service decides who may, then calls these); and the
consents kept as records of their own (:class:`forms.models.KeptConsent`)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ..models.records import colleague_name, consent_bound_models


def record_note_add(*, notes, user, text: str):
    """Add ``user``'s note through the record's ``notes`` manager (its subclass of
    :class:`forms.models.RecordNote`), the text stripped; an empty note is refused
    (``ValidationError``) and nothing is stored."""
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("A note cannot be empty."))
    return notes.create(author=user, author_name=colleague_name(user), text=text)


def kept_consent_keep(*, model, email: str, consent, ends_at, unique_fields: list[str], **fields):
    """Keep ``consent`` (a grant in the ledger) as a ``model`` record (a
    :class:`forms.models.KeptConsent`), for its purpose's period counted from ``ends_at``;
    ``fields`` say what it is for.

    One statement, whether the person has a record for the same ``unique_fields`` already
    (an earlier submission, a consent given again) or not: it is written over, never
    doubled."""
    from privacy.services import retention_compute

    record = model(
        email=email, consent=consent, given_at=consent.recorded_at, ends_at=ends_at, **fields
    )
    record.retain_until = retention_compute(instance=record)
    written = [*fields, "consent", "given_at", "ends_at", "retain_until"]
    [record] = model.objects.bulk_create(
        [record],
        update_conflicts=True,
        unique_fields=unique_fields,
        update_fields=[name for name in written if name not in unique_fields],
    )
    return record


def consent_bound_delete(*, email: str, purpose_key: str) -> int:
    """The person withdrew their consent to ``purpose_key`` (anywhere): the rows kept under
    it (:class:`forms.models.ConsentBound`) go at once, in every app; the proofs stay in the
    ledger. Connected to :data:`privacy.signals.consent_withdrawn` by
    :meth:`forms.apps.FormsConfig.ready`."""
    kept_under = {"consent__subject_email": email, "consent__purpose_key": purpose_key}
    return sum(model.objects.filter(**kept_under).delete()[0] for model in consent_bound_models())

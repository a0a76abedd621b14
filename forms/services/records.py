"""What readers do to a submission record an app keeps (an application, a registration):
their notes on it. The app's own service decides who may, then calls these."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ..models.records import colleague_name


def record_note_add(*, notes, user, text: str):
    """Add ``user``'s note through the record's ``notes`` manager (its subclass of
    :class:`forms.models.RecordNote`), the text stripped; an empty note is refused
    (``ValidationError``) and nothing is stored."""
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("A note cannot be empty."))
    return notes.create(author=user, author_name=colleague_name(user), text=text)

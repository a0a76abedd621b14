"""What "the end" of an app's rows means, in the words notices and the policy use.

The privacy core counts a purpose's retention from the end of what the data serves
(``Retention(ended=...)``) without knowing what that is; each app that stores such an end
registers its own kind of end, once, in its ``AppConfig.ready``::

    retention_end_register(
        RetentionEnd(
            value="end-of-membership",
            label=_("End of the membership"),
            until=_("While you are a member."),
            after=_("While you are a member, and %(duration)s after your membership ends."),
        )
    )

A form page type declares its end as ``submission_end`` instead, and the forms app registers
it (``forms.models.AbstractFormPage``).

A purpose then counts from it (``Purpose.retention_from``), and the register of processing
states it in the app's words.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class RetentionEnd:
    """One kind of end: the stored value, the editor's label, and the policy's two
    sentences (kept until the end; a period after it, with ``%(duration)s``).

    ``without`` names the rows that never have such an end (a spontaneous application has
    no vacancy to close): the core counts theirs from the row's start, and the register
    says so after these words."""

    value: str
    label: str
    until: str
    after: str
    without: str = ""


_ends: dict[str, RetentionEnd] = {}


def retention_end_register(end: RetentionEnd) -> None:
    """Register a kind of end; registering the same one again changes nothing."""
    known = _ends.get(end.value)
    if known is not None and known != end:
        raise ImproperlyConfigured(f"The retention end {end.value!r} is registered already.")
    _ends[end.value] = end


def retention_ends() -> dict[str, RetentionEnd]:
    """Every registered kind of end, by stored value."""
    return dict(_ends)


def retention_start_choices() -> list[tuple[str, str]]:
    """What a purpose's retention may count from: the core's moments, then each app's end."""
    from .models import RetentionStart

    return [*RetentionStart.choices, *((end.value, end.label) for end in _ends.values())]


# The ends of what the privacy core itself keeps: logs and their counters, kept a period from
# the moment they are written; staff accounts and what belongs to them.
RECORDED = RetentionEnd(
    value="recorded",
    label=_("When it is recorded"),
    until=_("Deleted as soon as it has been used."),
    after=_("%(duration)s after it is recorded."),
)
ACCOUNT_CLOSED = RetentionEnd(
    value="account_closed",
    label=_("Closing of the staff account"),
    until=_("While the account exists; deleted when it is closed."),
    after=_("%(duration)s after the account is closed."),
)


def core_ends_register() -> None:
    for end in (RECORDED, ACCOUNT_CLOSED):
        retention_end_register(end)

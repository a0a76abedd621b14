"""The chamber's own ends that retention counts from, in the words its policy uses.

No app stores a membership or a financial year yet; the register still has to say truly when
member administration and accounting records end, so the site registers these ends with the
privacy core (:mod:`privacy.vocabulary`) like any app.
"""

from django.utils.translation import gettext_lazy as _

from privacy.vocabulary import RetentionEnd, retention_end_register

MEMBERSHIP_END = RetentionEnd(
    value="end-of-membership",
    label=_("End of the membership"),
    until=_("While you are a member."),
    after=_("While you are a member, and %(duration)s after your membership ends."),
)

FINANCIAL_YEAR_END = RetentionEnd(
    value="end-of-financial-year",
    label=_("End of the financial year"),
    until=_("Until the end of the financial year."),
    after=_("%(duration)s after the end of the financial year the invoice belongs to."),
)


def register() -> None:
    retention_end_register(MEMBERSHIP_END)
    retention_end_register(FINANCIAL_YEAR_END)

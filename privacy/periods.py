"""Retention periods in the units people use, and the one way to say and count them.

A purpose keeps data "6 months" or "1 year", not "182 days": the period is stored as an
amount and a unit, dates are counted in that unit (calendar months and years, as
:class:`dateutil.relativedelta.relativedelta` and the databases count them: 31 January plus
one month is 28 or 29 February), and :func:`period_in_words` is the only place a period
becomes words, for the register, the notices, the e-mails and the API alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from dateutil.relativedelta import relativedelta
from django.db import NotSupportedError
from django.db.models import (
    DateTimeField,
    DurationField,
    ExpressionWrapper,
    Func,
    TextChoices,
    Value,
)
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


class PeriodUnit(TextChoices):
    """The units a retention period is stated in; the values are relativedelta's names."""

    DAYS = "days", _("days")
    WEEKS = "weeks", _("weeks")
    MONTHS = "months", _("months")
    YEARS = "years", _("years")


@dataclass(frozen=True)
class Period:
    """An amount of a unit: ``Period(6, "months")``."""

    amount: int
    unit: str

    @property
    def delta(self) -> relativedelta:
        return relativedelta(**{str(self.unit): int(self.amount)})

    def after(self, moment: datetime) -> datetime:
        """The moment this period after ``moment``, counted in its unit."""
        return moment + self.delta

    def before(self, moment: datetime) -> datetime:
        """The moment this period before ``moment``, counted in its unit."""
        return moment - self.delta

    def in_words(self) -> str:
        return period_in_words(self)

    def __str__(self) -> str:
        return period_in_words(self)


def period_in_words(period: Period) -> str:
    """ "6 months", "1 year", "4 weeks": every period a visitor reads, in the active language."""
    count, unit = int(period.amount), str(period.unit)
    if unit == PeriodUnit.YEARS:
        return ngettext("%(count)d year", "%(count)d years", count) % {"count": count}
    if unit == PeriodUnit.MONTHS:
        return ngettext("%(count)d month", "%(count)d months", count) % {"count": count}
    if unit == PeriodUnit.WEEKS:
        return ngettext("%(count)d week", "%(count)d weeks", count) % {"count": count}
    return ngettext("%(count)d day", "%(count)d days", count) % {"count": count}


def period_from_days(days: int) -> Period:
    """The period a number of days was meant as: whole years, then months within two days
    (182 and 183 days are 6 months), then weeks, else days. For data stored in days."""
    if days and days % 365 == 0:
        return Period(days // 365, PeriodUnit.YEARS)
    months = round(days / 30.44)
    if months >= 1 and abs(days - months * 30.44) <= 2:
        if months % 12 == 0:
            return Period(months // 12, PeriodUnit.YEARS)
        return Period(months, PeriodUnit.MONTHS)
    if days and days % 7 == 0:
        return Period(days // 7, PeriodUnit.WEEKS)
    return Period(days, PeriodUnit.DAYS)


class _AddMonths(Func):
    """``start`` plus a number of calendar months, in the database (a month past the 31st ends
    on the month's last day, as relativedelta does)."""

    output_field = DateTimeField()

    def __init__(self, start, months: int):
        self.months = int(months)
        super().__init__(start, output_field=DateTimeField())

    def as_sql(self, compiler, connection, **extra_context):
        raise NotSupportedError(f"Calendar months are not counted on {connection.vendor}.")

    def as_sqlite(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"privacy_add_months({sql}, {self.months})", params

    def as_postgresql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"({sql} + make_interval(months => {self.months}))", params

    def as_mysql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"DATE_ADD({sql}, INTERVAL {self.months} MONTH)", params


def period_after_expression(start, period: Period):
    """The database expression for ``start`` plus ``period``: what :meth:`Period.after`
    computes for one row, for every row of an UPDATE."""
    unit, amount = str(period.unit), int(period.amount)
    if unit in (PeriodUnit.MONTHS, PeriodUnit.YEARS):
        return _AddMonths(start, amount * 12 if unit == PeriodUnit.YEARS else amount)
    delta = timedelta(weeks=amount) if unit == PeriodUnit.WEEKS else timedelta(days=amount)
    return ExpressionWrapper(
        start + Value(delta, output_field=DurationField()), output_field=DateTimeField()
    )


def _sqlite_add_months(value, months):
    """SQLite's side of :class:`_AddMonths`, in Python so it counts exactly as relativedelta
    (SQLite's own '+1 month' overflows 31 January into March). Django stores datetimes there
    as ``str()`` of the naive UTC value, and so does this."""
    if value is None or months is None:
        return None
    moment = parse_datetime(str(value))
    if moment is None:
        return None
    return str(moment + relativedelta(months=int(months)))


def sqlite_functions_install(sender, connection, **kwargs) -> None:
    """Give every new SQLite connection the month arithmetic (``connection_created``)."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "privacy_add_months", 2, _sqlite_add_months, deterministic=True
        )

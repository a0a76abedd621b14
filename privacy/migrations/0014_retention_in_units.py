"""Retention periods are stored as an amount and a unit people use: 182 days become
6 months, 365 days 1 year, 28 days 4 weeks, as the register already read them."""

from django.db import migrations, models

UNITS = [("days", "days"), ("weeks", "weeks"), ("months", "months"), ("years", "years")]


def _period(days):
    # The reading the register gave these days (privacy.periods.period_from_days, frozen here).
    if days and days % 365 == 0:
        return days // 365, "years"
    months = round(days / 30.44)
    if months >= 1 and abs(days - months * 30.44) <= 2:
        return (months // 12, "years") if months % 12 == 0 else (months, "months")
    if days and days % 7 == 0:
        return days // 7, "weeks"
    return days, "days"


def to_units(apps, schema_editor):
    for name in ("Purpose", "OutcomeRetention"):
        model = apps.get_model("privacy", name)
        for row in model.objects.all():
            row.retention_period, row.retention_unit = _period(row.retention_days)
            row.save(update_fields=["retention_period", "retention_unit"])


def to_days(apps, schema_editor):
    lengths = {"days": 1, "weeks": 7, "months": 30, "years": 365}
    for name in ("Purpose", "OutcomeRetention"):
        model = apps.get_model("privacy", name)
        for row in model.objects.all():
            row.retention_days = row.retention_period * lengths[row.retention_unit]
            if row.retention_unit == "months" and row.retention_period % 6 == 0:
                row.retention_days = row.retention_period // 6 * 182
            row.save(update_fields=["retention_days"])


class Migration(migrations.Migration):
    dependencies = [
        ("privacy", "0013_request_rights_and_replies"),
    ]

    operations = [
        migrations.AddField(
            model_name="purpose",
            name="retention_period",
            field=models.PositiveIntegerField(
                default=0,
                help_text="How long data is kept, in the unit beside it, counted from the "
                "moment below. 0 means at once.",
                verbose_name="retention",
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="purpose",
            name="retention_unit",
            field=models.CharField(
                choices=UNITS, default="days", max_length=8, verbose_name="unit"
            ),
        ),
        migrations.AddField(
            model_name="outcomeretention",
            name="retention_period",
            field=models.PositiveIntegerField(
                default=0,
                help_text="How long data is kept after this decision.",
                verbose_name="retention",
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="outcomeretention",
            name="retention_unit",
            field=models.CharField(
                choices=UNITS, default="days", max_length=8, verbose_name="unit"
            ),
        ),
        migrations.AlterField(
            model_name="purpose",
            name="retention_days",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AlterField(
            model_name="outcomeretention",
            name="retention_days",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.RunPython(to_units, to_days),
        migrations.RemoveField(model_name="purpose", name="retention_days"),
        migrations.RemoveField(model_name="outcomeretention", name="retention_days"),
    ]

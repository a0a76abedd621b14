from django.db import migrations, models


def decisions_from_granted(apps, schema_editor):
    ConsentRecord = apps.get_model("privacy", "ConsentRecord")
    ConsentRecord.objects.filter(granted=True).update(decision="given")
    ConsentRecord.objects.filter(granted=False).update(decision="refused")


def granted_from_decisions(apps, schema_editor):
    ConsentRecord = apps.get_model("privacy", "ConsentRecord")
    ConsentRecord.objects.update(granted=False)
    ConsentRecord.objects.filter(decision="given").update(granted=True)


class Migration(migrations.Migration):
    dependencies = [
        ("privacy", "0003_consent_keeps_its_revision"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="consentrecord",
            options={
                "default_permissions": ("view",),
                "ordering": ["-recorded_at", "-pk"],
                "verbose_name": "consent record",
                "verbose_name_plural": "consent records",
            },
        ),
        migrations.AlterModelOptions(
            name="deletionlog",
            options={
                "default_permissions": ("view",),
                "ordering": ["-ran_at", "-pk"],
                "verbose_name": "deletion log entry",
                "verbose_name_plural": "deletion log entries",
            },
        ),
        migrations.AddField(
            model_name="consentrecord",
            name="decision",
            field=models.CharField(
                choices=[("given", "Given"), ("refused", "Refused"), ("informed", "Informed")],
                db_index=True,
                default="refused",
                max_length=16,
                verbose_name="decision",
            ),
            preserve_default=False,
        ),
        migrations.RunPython(decisions_from_granted, granted_from_decisions),
        migrations.AddField(
            model_name="consentrecord",
            name="subject_hash",
            field=models.CharField(
                blank=True, db_index=True, max_length=64, verbose_name="hashed e-mail"
            ),
        ),
        migrations.AddField(
            model_name="consentrecord",
            name="pseudonymised_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="address hashed at"),
        ),
        migrations.RemoveConstraint(
            model_name="consentrecord",
            name="privacy_consent_has_subject",
        ),
        migrations.AddConstraint(
            model_name="consentrecord",
            constraint=models.CheckConstraint(
                condition=~models.Q(subject_email="")
                | ~models.Q(anonymous_id="")
                | ~models.Q(subject_hash=""),
                name="privacy_consent_has_subject",
            ),
        ),
        migrations.AddConstraint(
            model_name="consentrecord",
            constraint=models.CheckConstraint(
                condition=models.Q(granted=True, decision="given")
                | (models.Q(granted=False) & ~models.Q(decision="given")),
                name="privacy_consent_granted_means_given",
            ),
        ),
        migrations.AlterField(
            model_name="deletionlog",
            name="count",
            field=models.PositiveIntegerField(verbose_name="rows"),
        ),
        migrations.AlterField(
            model_name="deletionlog",
            name="reason",
            field=models.CharField(
                choices=[
                    ("retention", "Retention period ended"),
                    ("erasure", "Erasure request"),
                    ("pseudonymisation", "Address replaced by a keyed hash"),
                ],
                max_length=32,
                verbose_name="reason",
            ),
        ),
        migrations.AlterField(
            model_name="purpose",
            name="consent_text",
            field=models.TextField(
                help_text=(
                    "The words forms show: beside the checkbox when the legal basis is "
                    "consent, otherwise at the top of the notice that states why the data is "
                    "collected."
                ),
                verbose_name="consent text",
            ),
        ),
    ]

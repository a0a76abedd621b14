"""A cookie category's purpose counts from the choice, which is asked again after its period:
its register row says so, and that its proof is kept as proofs are."""

from django.db import migrations


def cookie_purposes_count_from_the_choice(apps, schema_editor):
    Purpose = apps.get_model("privacy", "Purpose")
    Purpose.objects.filter(key__startswith="cookies-", retention_from="submission").update(
        retention_from="choice"
    )


def back(apps, schema_editor):
    Purpose = apps.get_model("privacy", "Purpose")
    Purpose.objects.filter(key__startswith="cookies-", retention_from="choice").update(
        retention_from="submission"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("privacy", "0019_controller_identity"),
    ]

    operations = [migrations.RunPython(cookie_purposes_count_from_the_choice, back)]

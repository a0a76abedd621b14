from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("privacy_testapp", "0003_membership")]

    operations = [
        migrations.AddField(
            model_name="membership", name="ended_at", field=models.DateTimeField(null=True)
        ),
    ]

"""Create the organisers' group (``EVENTS_GROUP``, "Events"): admin access; registrations and
check-in lists are its by rule, not by permission. Every installation, not only the demo,
has it."""

from django.db import migrations

from events import conf


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    organisers, _ = Group.objects.get_or_create(name=conf.group_name())
    access_admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    if access_admin is not None:
        organisers.permissions.add(access_admin)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_access_log_follows_its_link"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

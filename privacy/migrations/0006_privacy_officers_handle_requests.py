"""Let the privacy officers' group (``PRIVACY_OFFICERS_GROUP``) read and handle data-subject
requests."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from privacy import conf

PERMISSIONS = ["view_datasubjectrequest", "change_datasubjectrequest"]


def grant(apps, schema_editor):
    privacy = apps.get_app_config("privacy")
    privacy.models_module = True
    create_permissions(privacy, apps=apps, verbosity=0)
    privacy.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=conf.officers_group())
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="privacy", codename__in=PERMISSIONS)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=conf.officers_group()).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="privacy", codename__in=PERMISSIONS)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("privacy", "0005_newsletter_signups_and_data_requests"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]

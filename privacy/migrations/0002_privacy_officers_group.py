"""Create the privacy officers' group (``PRIVACY_OFFICERS_GROUP``, "Privacy officers"), so
every installation (not only the demo) has the only group allowed to read the consent ledger
and the deletion log."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from privacy import conf

PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("privacy", "view_consentrecord"),
    ("privacy", "view_deletionlog"),
    ("privacy", "view_retentionfailure"),
    ("privacy", "add_purpose"),
    ("privacy", "change_purpose"),
    ("privacy", "view_purpose"),
    ("wagtail_localize", "submit_translation"),
]


def create_group(apps, schema_editor):
    # Model permissions are normally created after all migrations ran; make them now.
    privacy = apps.get_app_config("privacy")
    privacy.models_module = True
    create_permissions(privacy, apps=apps, verbosity=0)
    privacy.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=conf.officers_group())
    for app_label, codename in PERMISSIONS:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is not None:
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("privacy", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtail_localize", "0006_create_submit_translation_permission"),
    ]

    operations = [migrations.RunPython(create_group, migrations.RunPython.noop)]

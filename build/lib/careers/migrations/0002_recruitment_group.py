"""Create the ``Recruitment`` group (admin access; applications are its by rule, not by
permission) and let ``Privacy officers`` read the file download log, where every opening of
a CV is written, so every installation, not only the demo, has both."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

RECRUITMENT = "Recruitment"
OFFICERS = "Privacy officers"


def _permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


def forwards(apps, schema_editor):
    # Model permissions are normally created after all migrations ran; make forms' now.
    forms = apps.get_app_config("forms")
    forms.models_module = True
    create_permissions(forms, apps=apps, verbosity=0)
    forms.models_module = None

    Group = apps.get_model("auth", "Group")
    recruitment, _ = Group.objects.get_or_create(name=RECRUITMENT)
    access_admin = _permission(apps, "wagtailadmin", "access_admin")
    if access_admin is not None:
        recruitment.permissions.add(access_admin)
    officers = Group.objects.filter(name=OFFICERS).first()
    view_log = _permission(apps, "forms", "view_filedownloadlog")
    if officers is not None and view_log is not None:
        officers.permissions.add(view_log)


class Migration(migrations.Migration):
    dependencies = [
        ("careers", "0001_vacancies_and_applications"),
        ("forms", "0001_initial"),
        ("privacy", "0002_privacy_officers_group"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

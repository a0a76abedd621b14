"""Create the recruiters' group (``CAREERS_RECRUITMENT_GROUP``, "Recruitment"): admin access;
applications are its by rule, not by permission. Every installation, not only the demo, has
it. (Who reads the file download log is the forms app's to say: forms 0005.)"""

from django.db import migrations

from careers import conf


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    recruitment, _ = Group.objects.get_or_create(name=conf.recruitment_group())
    access_admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    if access_admin is not None:
        recruitment.permissions.add(access_admin)


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

"""Let the privacy officers' group (``PRIVACY_OFFICERS_GROUP``) read the file download log,
where every opening of an uploaded file (a CV among them) is written."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from privacy import conf


def _view_log(apps):
    # Model permissions are normally created after all migrations ran; make forms' now.
    forms = apps.get_app_config("forms")
    forms.models_module = True
    create_permissions(forms, apps=apps, verbosity=0)
    forms.models_module = None
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(
        content_type__app_label="forms", codename="view_filedownloadlog"
    ).first()


def grant(apps, schema_editor):
    officers = apps.get_model("auth", "Group").objects.filter(name=conf.officers_group()).first()
    view_log = _view_log(apps)
    if officers is not None and view_log is not None:
        officers.permissions.add(view_log)


def revoke(apps, schema_editor):
    officers = apps.get_model("auth", "Group").objects.filter(name=conf.officers_group()).first()
    view_log = _view_log(apps)
    if officers is not None and view_log is not None:
        officers.permissions.remove(view_log)


class Migration(migrations.Migration):
    dependencies = [
        ("forms", "0004_submission_ends_at"),
        ("privacy", "0002_privacy_officers_group"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]

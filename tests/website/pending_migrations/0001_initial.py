"""A migration no test database has applied: a release whose ``migrate`` has not run yet."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = []
    operations = []

"""End every session opened before the two-step login, so each account logs in again through it once."""

from django.db import migrations


def sign_everyone_out(apps, schema_editor):
    apps.get_model("sessions", "Session").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("sessions", "0001_initial")]
    operations = [migrations.RunPython(sign_everyone_out, migrations.RunPython.noop)]

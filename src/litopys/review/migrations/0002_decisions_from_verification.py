"""Move review decisions out of the former `verification` app, whose tables a database made before the split holds.

On a new database there is nothing to move. On one made by an earlier Litopys, every decision keeps its id,
and the content type (with its permissions and admin log entries) moves with it.
"""

from django.core.management.color import no_style
from django.db import migrations

COLUMNS = "id, action, from_status, to_status, at, reason, changes, claim_id, user_id"


def move(apps, schema_editor):
    connection = schema_editor.connection
    if "verification_decision" not in connection.introspection.table_names():
        return
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO review_decision ({COLUMNS}) SELECT {COLUMNS} FROM verification_decision")
        for statement in connection.ops.sequence_reset_sql(no_style(), [apps.get_model("review", "Decision")]):
            cursor.execute(statement)
        cursor.execute("DROP TABLE verification_decision")
    content_types = apps.get_model("contenttypes", "ContentType").objects
    if not content_types.filter(app_label="review", model="decision").exists():
        content_types.filter(app_label="verification", model="decision").update(app_label="review")


class Migration(migrations.Migration):
    dependencies = [
        ("review", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(move, migrations.RunPython.noop)]

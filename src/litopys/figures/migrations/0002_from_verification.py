"""Move best values and origin merges and splits out of the former `verification` app.

A best value was keyed by the text of its cell ("incident:<slug>"), so renaming an incident silently orphaned
it. Each now points at the stored figure it is about, found from that text: an incident by its slug, a site by
its id, a place by its GeoNames id. A best value whose incident no longer exists is kept on a figure that
names the old cell ("orphaned: …"), for staff to see and settle; nothing is dropped. Ids, history and content
types (with permissions and admin log entries) move along.
"""

import json

from django.core.management.color import no_style
from django.db import migrations

PLAIN = {
    "originmerge": "id, first, second, reason, at, user_id",
    "historicaloriginmerge": "id, first, second, reason, at, history_id, history_date, history_change_reason, "
                             "history_type, history_user_id, user_id",
    "originsplit": "id, reason, at, source_id, user_id",
    "historicaloriginsplit": "id, reason, at, history_id, history_date, history_change_reason, history_type, "
                             "history_user_id, source_id, user_id",
}
MOVED_MODELS = ("bestvalue", "historicalbestvalue", *PLAIN)


def key_of(cell: str, kind: str, qualifiers: dict) -> str:
    pairs = sorted((str(name), str(value)) for name, value in (qualifiers or {}).items())
    return " ".join([cell, kind, *(f"{name}={value}" for name, value in pairs)])


def figure_for(apps, old_cell: str, kind: str, qualifiers: dict):
    """Return the stored figure an old cell text names, creating it; an old cell that names nothing is kept."""
    Figure = apps.get_model("figures", "Figure")
    scheme, _, value = old_cell.partition(":")
    fields = {}
    if scheme == "incident":
        incident = apps.get_model("incidents", "Incident").objects.filter(slug=value).first()
        fields = {"incident_id": incident.pk} if incident else {}
    elif scheme == "site" and value.isdigit():
        fields = {"site_id": int(value)} if apps.get_model("incidents", "Site").objects.filter(
            pk=int(value)).exists() else {}
    elif scheme == "place":
        number = value.removeprefix("pk")
        if number.isdigit():
            lookup = {"pk": int(number)} if value.startswith("pk") else {"geonames_id": int(number)}
            place = apps.get_model("places", "Place").objects.filter(**lookup).first()
            fields = {"place_id": place.pk} if place else {}
    elif scheme == "named":
        fields = {"place_name": value}
    elif old_cell == "unplaced":
        fields = {"place_name": ""}
    if not fields:
        fields = {"place_name": f"(orphaned: {old_cell})"[:200]}
    cell = (f"incident:{fields['incident_id']}" if "incident_id" in fields else
            f"site:{fields['site_id']}" if "site_id" in fields else
            f"place:{fields['place_id']}" if "place_id" in fields else
            f"named:{fields['place_name'].lower()}" if fields["place_name"] else "unplaced")
    figure, _ = Figure.objects.get_or_create(key=key_of(cell, kind, qualifiers),
                                             defaults={**fields, "kind": kind, "qualifiers": qualifiers or {}})
    return figure


def move(apps, schema_editor):
    connection = schema_editor.connection
    tables = set(connection.introspection.table_names())
    if "verification_bestvalue" not in tables:
        return
    with connection.cursor() as cursor:
        for name, columns in PLAIN.items():
            cursor.execute(f"INSERT INTO figures_{name} ({columns}) SELECT {columns} FROM verification_{name}")
        cursor.execute("SELECT id, cell, kind, qualifiers, value, reason, at, user_id FROM verification_bestvalue")
        for pk, cell, kind, qualifiers, value, reason, at, user_id in cursor.fetchall():
            figure = figure_for(apps, cell, kind, _json(qualifiers))
            cursor.execute("INSERT INTO figures_bestvalue (id, figure_id, value, reason, at, user_id) "
                           "VALUES (%s, %s, %s, %s, %s, %s)", [pk, figure.pk, value, reason, at, user_id])
        cursor.execute("SELECT id, cell, kind, qualifiers, value, reason, at, history_id, history_date, "
                       "history_change_reason, history_type, history_user_id, user_id "
                       "FROM verification_historicalbestvalue")
        for row in cursor.fetchall():
            figure = figure_for(apps, row[1], row[2], _json(row[3]))
            cursor.execute("INSERT INTO figures_historicalbestvalue (id, figure_id, value, reason, at, history_id, "
                           "history_date, history_change_reason, history_type, history_user_id, user_id) "
                           "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                           [row[0], figure.pk, *row[4:7], *row[7:]])
        models = [apps.get_model("figures", name) for name in
                  ("BestValue", "HistoricalBestValue", "OriginMerge", "HistoricalOriginMerge", "OriginSplit",
                   "HistoricalOriginSplit")]
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
        for name in MOVED_MODELS:
            cursor.execute(f"DROP TABLE verification_{name}")
    content_types = apps.get_model("contenttypes", "ContentType").objects
    for name in MOVED_MODELS:
        if not content_types.filter(app_label="figures", model=name).exists():
            content_types.filter(app_label="verification", model=name).update(app_label="figures")


def _json(value):
    return json.loads(value) if isinstance(value, str) else (value or {})


class Migration(migrations.Migration):
    dependencies = [
        ("figures", "0001_initial"),
        ("incidents", "0004_vocabularies"),
        ("places", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(move, migrations.RunPython.noop)]

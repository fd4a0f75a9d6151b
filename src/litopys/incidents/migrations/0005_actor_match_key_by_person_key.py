"""Recompute every person's match key with `names.person_key`, the one rule for who is the same person.

The key is derived from the name; earlier versions folded Russian spellings slightly differently, so an
actor stored then could miss a later spelling of the same person.
"""

from django.db import migrations


def rekey(apps, schema_editor):
    from litopys.names import person_key

    Actor = apps.get_model("incidents", "Actor")
    for actor in Actor.objects.filter(kind="person").only("pk", "name", "match_key"):
        key = person_key(actor.name)[:300]
        if key != actor.match_key:
            Actor.objects.filter(pk=actor.pk).update(match_key=key)


class Migration(migrations.Migration):
    dependencies = [("incidents", "0004_vocabularies")]

    operations = [migrations.RunPython(rekey, migrations.RunPython.noop)]

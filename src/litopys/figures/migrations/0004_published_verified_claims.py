"""A figure's published claims are the *verified* claims behind the number readers were shown: a claim that
was never verified (a news report widening the range) no longer counts as one waiting for a second review."""

from django.db import migrations, models


def keep_verified(apps, schema_editor):
    Figure = apps.get_model("figures", "Figure")
    Claim = apps.get_model("incidents", "Claim")
    for row in Figure.objects.exclude(published_at=None).iterator():
        verified = set(Claim.objects.filter(pk__in=row.published_claims, status="verified")
                       .exclude(verified_seal="").values_list("pk", flat=True))
        kept = sorted(pk for pk in row.published_claims if pk in verified)
        if kept != row.published_claims:
            row.published_claims = kept
            row.save(update_fields=["published_claims"])


class Migration(migrations.Migration):

    dependencies = [
        ("figures", "0003_publications"),
        ("incidents", "0006_claim_seal"),
    ]

    operations = [
        migrations.AlterField(
            model_name="figure",
            name="published_claims",
            field=models.JSONField(blank=True, default=list, editable=False,
                                   verbose_name="verified claims behind the published value"),
        ),
        migrations.RunPython(keep_verified, migrations.RunPython.noop),
    ]

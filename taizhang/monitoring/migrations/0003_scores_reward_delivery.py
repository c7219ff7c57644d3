"""Stored 考核办法 follow the delivery-based method (docs/scoring.md): the base score and the
counted items it replaced (reports on time, late, missing, overdue and closed tasks are now the
delivery lines) are dropped from stored settings; the deductions and the rating line are kept."""

from django.db import migrations

KEPT_ITEMS = {"returned_reports", "supervision_notices"}
KEPT_KEYS = {"items", "rating_weight", "rating_neutral", "rating_cap", "rating_label_zh"}


def to_delivery(apps, schema_editor):
    ScoringSettings = apps.get_model("monitoring", "ScoringSettings")
    db = schema_editor.connection.alias  # the database migrated (a bench's, not the default)
    for row in ScoringSettings.objects.using(db).all():
        config = dict(row.config or {})
        kept = {key: value for key, value in config.items() if key in KEPT_KEYS}
        if isinstance(kept.get("items"), dict):
            kept["items"] = {code: rule for code, rule in kept["items"].items() if code in KEPT_ITEMS}
        if kept != config:
            row.config = kept
            row.save(update_fields=["config"], using=db)


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0002_indicator_ordering")]

    operations = [migrations.RunPython(to_delivery, migrations.RunPython.noop)]

"""Collectives (各街道办, 各有关部门) become their own kind, and names are kept in simplified script
(a traditional document's 區財政局 is 区财政局). A unit whose simplified name another unit already
has keeps its name: the supervisor merges the two (the units page lists them)."""

from django.db import migrations, models

from taizhang.units.names import is_collective, stored_name


def fold_names(apps, schema_editor):
    Unit = apps.get_model("units", "Unit")
    db = schema_editor.connection.alias  # the database migrated (a bench's, not the default)
    names = set(Unit.objects.using(db).values_list("name", flat=True))
    for unit in Unit.objects.using(db).order_by("pk"):
        fields = []
        if is_collective(unit.name) and unit.kind != "collective":
            unit.kind = "collective"
            fields.append("kind")
        simple = stored_name(unit.name)
        if simple != unit.name and simple not in names:
            names.discard(unit.name)
            names.add(simple)
            unit.name = simple
            fields.append("name")
        if fields:
            unit.save(update_fields=fields, using=db)


class Migration(migrations.Migration):
    dependencies = [("units", "0001_initial")]

    operations = [
        migrations.AlterField(
            model_name="unit",
            name="kind",
            field=models.CharField(
                choices=[
                    ("department", "区直部门"),
                    ("subdistrict", "街道办"),
                    ("stationed", "驻区单位"),
                    ("headquarters", "指挥部"),
                    ("court", "法院"),
                    ("collective", "统称（多个单位）"),
                    ("other", "其他"),
                ],
                default="other",
                max_length=20,
            ),
        ),
        migrations.RunPython(fold_names, migrations.RunPython.noop),
    ]

"""Every task gets its reference (任务编号): the document's number, disambiguated where the
document repeats it, or its place in the policy (see taizhang/ledger/references.py)."""

from django.db import migrations, models

from taizhang.ledger.references import assign_references


def give_references(apps, schema_editor):
    Task = apps.get_model("ledger", "Task")
    db = schema_editor.connection.alias  # the database migrated (the bench's, not the default)
    policy_ids = Task.objects.using(db).values_list("policy_id", flat=True).distinct().order_by("policy_id")
    for policy_id in policy_ids:
        tasks = list(Task.objects.using(db).filter(policy_id=policy_id).order_by("order", "pk").only("pk", "ref"))
        for task, reference in zip(tasks, assign_references([t.ref for t in tasks]), strict=True):
            task.reference = reference
        Task.objects.using(db).bulk_update(tasks, ["reference"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("ledger", "0002_task_policy_order_idx"),
        ("policies", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="task",
            name="reference",
            field=models.CharField(blank=True, max_length=60, verbose_name="任务编号"),
        ),
        migrations.RunPython(give_references, migrations.RunPython.noop),
    ]

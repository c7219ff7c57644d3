"""The facts the status rules read become typed fields of the task, filled here from the history
that held them (``return_report`` / ``accept_report`` and ``update_progress`` rows)."""

from django.db import migrations, models


def fill_from_history(apps, schema_editor):
    db = schema_editor.connection.alias  # the database migrated (a bench's, not the default)
    Task = apps.get_model("ledger", "Task")
    HistoryEntry = apps.get_model("core", "HistoryEntry")
    returns: dict[int, int] = {}
    rows = (
        HistoryEntry.objects.using(db)
        .filter(task_id__isnull=False, action__in=("return_report", "accept_report"))
        .order_by("at", "pk")
        .values_list("task_id", "action")
    )
    for task_id, action in rows.iterator():
        returns[task_id] = returns.get(task_id, 0) + 1 if action == "return_report" else 0
    changed: dict[int, object] = {}
    rows = (
        HistoryEntry.objects.using(db)
        .filter(task_id__isnull=False, action="update_progress")
        .order_by("at", "pk")
        .values_list("task_id", "at", "before", "after")
    )
    for task_id, at, before, after in rows.iterator():
        if (before or {}).get("progress") != (after or {}).get("progress"):
            changed[task_id] = at
    for task_id, count in returns.items():
        if count:
            Task.objects.using(db).filter(pk=task_id).update(consecutive_returns=count)
    for task_id, at in changed.items():
        Task.objects.using(db).filter(pk=task_id).update(progress_changed_at=at)


class Migration(migrations.Migration):
    dependencies = [
        ("ledger", "0006_task_metric_confidence"),
        ("core", "0002_append_only_guards"),
    ]

    operations = [
        migrations.AddField(
            model_name="task",
            name="consecutive_returns",
            field=models.PositiveSmallIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="task",
            name="progress_changed_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.RunPython(fill_from_history, migrations.RunPython.noop),
    ]

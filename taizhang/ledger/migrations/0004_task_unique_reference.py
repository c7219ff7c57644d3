"""A task's reference is unique within its policy (apart from the data migration, so that
PostgreSQL alters the table in a transaction of its own)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("ledger", "0003_task_reference")]

    operations = [
        migrations.AddConstraint(
            model_name="task",
            constraint=models.UniqueConstraint(
                condition=models.Q(("reference", ""), _negated=True),
                fields=("policy", "reference"),
                name="task_unique_reference_per_policy",
            ),
        ),
    ]

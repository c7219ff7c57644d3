"""Computing and storing every task's colour (红黄绿灯) in batches.

:func:`refresh_statuses` reads tasks in batches of :data:`BATCH` through
:func:`~taizhang.supervision.facts.load_contexts`, evaluates the rules with ``now`` and writes
:class:`~taizhang.supervision.models.TaskStatus` rows: new ones with ``bulk_create``, those whose
colour or reasons changed with one bulk update, and for the rest only ``computed_at`` with one
``UPDATE``. The number of queries depends on the number of batches, never on the number of tasks
in one.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from taizhang.ledger.models import Task
from taizhang.ledger.models import TaskStatus as LedgerStatus
from taizhang.ledger.rules import schedule_status

from .facts import TaskContext, load_contexts, task_lookup
from .models import TaskStatus
from .rules import Assessment, Colour, TaskFacts, evaluate

__all__ = ["refresh_statuses", "refresh_batches", "assess", "BATCH", "reasons_json"]

BATCH = 5000


def reasons_json(assessment: Assessment) -> list[dict[str, Any]]:
    """The reasons of an assessment as stored in ``TaskStatus.reasons``."""
    return [
        {"code": r.code, "colour": str(r.colour), "message": r.message, "figures": dict(r.figures)}
        for r in assessment.reasons
    ]


def assess(context: TaskContext, now: dt.datetime) -> Assessment:
    """The rules' verdict on one task on the local date of ``now``."""
    return evaluate(context.facts, context.config, timezone.localdate(now))


def schedule_of(facts: TaskFacts, today: dt.date) -> str:
    """The task against its 序时进度 as stored in ``TaskStatus.schedule`` (ledger.rules's rule)."""
    return str(
        schedule_status(
            start=facts.assigned_at,
            deadline=facts.deadline,
            percent=facts.progress_percent,
            now=today,
            closed=facts.closed,
            ongoing=facts.ongoing,
        ).status
    )


def _batches(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), BATCH):
        yield ids[start : start + BATCH]


_CHANGED_FIELDS = (
    "colour",
    "schedule",
    "reasons",
    "computed_at",
    "changed_at",
    "previous_colour",
    "turned_red_at",
)


def _update_changed(rows: list[TaskStatus]) -> None:
    """Store the changed rows. On PostgreSQL one ``UPDATE ... FROM jsonb_to_recordset(...)`` per
    batch: the rows travel as one JSON document and are joined on the primary key. Elsewhere
    Django's ``bulk_update``, whose ``CASE WHEN id = ...`` form costs the database time quadratic
    in the batch size."""
    if connection.vendor != "postgresql":
        TaskStatus.objects.bulk_update(rows, list(_CHANGED_FIELDS), batch_size=BATCH)
        return
    meta = TaskStatus._meta
    q = connection.ops.quote_name
    sets = ", ".join(f"{q(meta.get_field(name).column)} = v.{name}" for name in _CHANGED_FIELDS)
    sql = (
        f"UPDATE {q(meta.db_table)} AS s SET {sets}"
        " FROM jsonb_to_recordset(%s::jsonb) AS v(id bigint, colour text, schedule text, reasons jsonb,"
        " computed_at timestamptz, changed_at timestamptz, previous_colour text, turned_red_at timestamptz)"
        f" WHERE s.{q(meta.pk.column)} = v.id"
    )
    document = json.dumps(
        [
            {
                "id": r.pk,
                "colour": r.colour,
                "schedule": r.schedule,
                "reasons": r.reasons,
                "computed_at": r.computed_at.isoformat(),
                "changed_at": r.changed_at.isoformat(),
                "previous_colour": r.previous_colour,
                "turned_red_at": r.turned_red_at.isoformat() if r.turned_red_at else None,
            }
            for r in rows
        ]
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [document])


def _refresh_batch(ids: list[int], now: dt.datetime) -> dict[int, TaskContext]:
    contexts = load_contexts(ids, now)
    existing = {
        task_id: (pk, colour, schedule, reasons, previous_colour, changed_at, turned_red_at)
        for pk, task_id, colour, schedule, reasons, previous_colour, changed_at, turned_red_at in (
            TaskStatus.objects.filter(**task_lookup(list(contexts)))
            .order_by()
            .values_list(
                "pk",
                "task_id",
                "colour",
                "schedule",
                "reasons",
                "previous_colour",
                "changed_at",
                "turned_red_at",
            )
        )
        if task_id in contexts
    }
    new: list[TaskStatus] = []
    changed: list[TaskStatus] = []
    unchanged: list[int] = []
    today = timezone.localdate(now)
    for task_id, context in contexts.items():
        assessment = evaluate(context.facts, context.config, today)
        colour = str(assessment.colour)
        schedule = schedule_of(context.facts, today)
        reasons = reasons_json(assessment)
        row = existing.get(task_id)
        if row is None:
            new.append(
                TaskStatus(
                    task_id=task_id,
                    colour=colour,
                    schedule=schedule,
                    reasons=reasons,
                    computed_at=now,
                    changed_at=now,
                    turned_red_at=now if colour == Colour.RED else None,
                )
            )
            continue
        pk, old_colour, old_schedule, old_reasons, previous_colour, changed_at, turned_red_at = row
        if old_colour == colour:
            if old_reasons == reasons and old_schedule == schedule:
                unchanged.append(pk)  # only computed_at moves
                continue
        else:
            previous_colour = old_colour
            changed_at = now
            turned_red_at = now if colour == Colour.RED else None
        changed.append(
            TaskStatus(
                pk=pk,
                task_id=task_id,
                colour=colour,
                schedule=schedule,
                reasons=reasons,
                computed_at=now,
                changed_at=changed_at,
                previous_colour=previous_colour,
                turned_red_at=turned_red_at,
            )
        )
    with transaction.atomic():
        if new:
            TaskStatus.objects.bulk_create(new, batch_size=BATCH)
        if unchanged:
            TaskStatus.objects.filter(pk__in=unchanged).update(computed_at=now)
        if changed:
            _update_changed(changed)
    return contexts


def refresh_statuses(task_ids: Iterable[int] | None = None, now: dt.datetime | None = None) -> int:
    """Recompute and store the colour of ``task_ids`` (every assigned task when None) as of ``now``.

    Returns the number of tasks computed. Draft tasks have no status. ``changed_at`` and
    ``previous_colour`` move only when the colour changes; ``turned_red_at`` is set when a task
    turns red and cleared when it leaves red.
    """
    return sum(len(batch) for batch in refresh_batches(task_ids, now))


def refresh_batches(
    task_ids: Iterable[int] | None = None, now: dt.datetime | None = None
) -> Iterator[dict[int, TaskContext]]:
    """As :func:`refresh_statuses`, yielding the contexts read, one batch at a time (the reminder
    job works on each batch before reading the next, so memory stays bounded)."""
    now = now or timezone.now()
    if task_ids is None:
        ids = list(
            Task.objects.exclude(status=LedgerStatus.DRAFT).order_by("pk").values_list("pk", flat=True)
        )
    else:
        ids = sorted(set(task_ids))
    for batch in _batches(ids):
        yield _refresh_batch(batch, now)

"""Computing and storing every task's colour (红黄绿灯) in batches.

:func:`refresh_statuses` reads tasks in batches of :data:`BATCH` through
:func:`~taizhang.supervision.facts.load_contexts`, evaluates the rules with ``now`` and writes
:class:`~taizhang.supervision.models.TaskStatus` rows with ``bulk_create``/``bulk_update``: the
number of queries depends on the number of batches, never on the number of tasks in one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from django.db import transaction
from django.utils import timezone

from taizhang.ledger.models import Task
from taizhang.ledger.models import TaskStatus as LedgerStatus

from .facts import TaskContext, load_contexts
from .models import TaskStatus
from .rules import Assessment, Colour, evaluate

__all__ = ["refresh_statuses", "refresh_batches", "assess", "BATCH", "reasons_json"]

BATCH = 2000


def reasons_json(assessment: Assessment) -> list[dict[str, Any]]:
    """The reasons of an assessment as stored in ``TaskStatus.reasons``."""
    return [
        {"code": r.code, "colour": str(r.colour), "message": r.message, "figures": dict(r.figures)}
        for r in assessment.reasons
    ]


def assess(context: TaskContext, now: dt.datetime) -> Assessment:
    """The rules' verdict on one task on the local date of ``now``."""
    return evaluate(context.facts, context.config, timezone.localdate(now))


def _batches(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), BATCH):
        yield ids[start : start + BATCH]


def _refresh_batch(ids: list[int], now: dt.datetime) -> dict[int, TaskContext]:
    contexts = load_contexts(ids, now)
    existing = {s.task_id: s for s in TaskStatus.objects.filter(task_id__in=list(contexts))}
    new: list[TaskStatus] = []
    changed: list[TaskStatus] = []
    for task_id, context in contexts.items():
        assessment = assess(context, now)
        colour = str(assessment.colour)
        reasons = reasons_json(assessment)
        row = existing.get(task_id)
        if row is None:
            new.append(
                TaskStatus(
                    task_id=task_id,
                    colour=colour,
                    reasons=reasons,
                    computed_at=now,
                    changed_at=now,
                    turned_red_at=now if colour == Colour.RED else None,
                )
            )
            continue
        if row.colour != colour:
            row.previous_colour = row.colour
            row.changed_at = now
            row.turned_red_at = now if colour == Colour.RED else None
        row.colour = colour
        row.reasons = reasons
        row.computed_at = now
        changed.append(row)
    with transaction.atomic():
        if new:
            TaskStatus.objects.bulk_create(new, batch_size=BATCH)
        if changed:
            TaskStatus.objects.bulk_update(
                changed,
                ["colour", "reasons", "computed_at", "changed_at", "previous_colour", "turned_red_at"],
                batch_size=BATCH,
            )
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

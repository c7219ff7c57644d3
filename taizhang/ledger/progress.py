"""Progress of measures and policies from their tasks, and each task's schedule (序时进度).

Thin database wrappers around the pure functions of :mod:`taizhang.ledger.rules`: one query per
call, whatever the number of tasks.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.utils import timezone

from .models import DeadlineKind, Task, TaskStatus
from .rules import Rollup, Schedule, rollup, schedule_status

__all__ = ["policy_rollup", "measure_rollups", "task_schedule"]


def policy_rollup(policy: Any) -> Rollup:
    """The weighted progress of all tasks of ``policy``, with each task's weight share (by task id)."""
    rows = Task.objects.filter(policy=policy).values_list("pk", "weight", "progress")
    return rollup(list(rows))


def measure_rollups(policy: Any) -> dict[int | None, Rollup]:
    """The weighted progress of each measure of ``policy`` (key None: tasks under no measure)."""
    groups: dict[int | None, list[tuple[int, Any, int]]] = defaultdict(list)
    for pk, measure_id, weight, progress in Task.objects.filter(policy=policy).values_list(
        "pk", "measure_id", "weight", "progress"
    ):
        groups[measure_id].append((pk, weight, progress))
    return {measure_id: rollup(items) for measure_id, items in groups.items()}


def task_schedule(task: Task, now: dt.datetime | None = None) -> Schedule:
    """The task against its time-elapsed progress, counted from its assignment (else creation)."""
    now = now or timezone.now()
    start = timezone.localdate(task.assigned_at or task.created_at)
    return schedule_status(
        start=start,
        deadline=task.deadline,
        percent=task.progress,
        now=timezone.localtime(now),
        closed=task.status == TaskStatus.CLOSED,
        ongoing=task.deadline_kind == DeadlineKind.ONGOING,
    )

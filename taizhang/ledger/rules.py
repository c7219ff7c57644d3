"""Computed rules of the ledger: pure functions of plain values and ``now`` (no database).

- :func:`rollup`: a measure's or policy's progress, the weighted mean of its tasks' progress,
  returned with each task's share of the weight so the interface can show it.
- :func:`schedule_status`: a task against its time-elapsed progress (序时进度).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from decimal import Decimal

__all__ = [
    "Rollup",
    "rollup",
    "ScheduleStatus",
    "Schedule",
    "expected_progress",
    "schedule_status",
    "report_period",
]


@dataclass(frozen=True)
class Rollup:
    """Progress of a group of tasks: ``percent`` (0-100) and each task's normalised ``weights``."""

    percent: float
    weights: dict[Hashable, float]
    total_weight: float


def rollup(items: Sequence[tuple[Hashable, float | Decimal, float | int]]) -> Rollup:
    """The weighted mean of ``(key, weight, percent)`` items; weights are returned summing to 1.

    An empty group is at 0%. A weight must be positive and a percent within 0-100.
    """
    total = 0.0
    acc = 0.0
    for key, weight, percent in items:
        w = float(weight)
        if w <= 0:
            raise ValueError(f"task {key}: weight must be positive, got {weight}")
        if not 0 <= float(percent) <= 100:
            raise ValueError(f"task {key}: percent must be within 0-100, got {percent}")
        total += w
        acc += w * float(percent)
    if total == 0:
        return Rollup(percent=0.0, weights={}, total_weight=0.0)
    return Rollup(
        percent=round(acc / total, 1),
        weights={key: float(weight) / total for key, weight, _ in items},
        total_weight=total,
    )


class ScheduleStatus(enum.StrEnum):
    BEHIND = "behind"  # 滞后于序时进度
    ON = "on"  # 符合序时进度
    AHEAD = "ahead"  # 超前
    DONE = "done"  # 已办结
    ONGOING = "ongoing"  # 常态化推进：无序时进度


@dataclass(frozen=True)
class Schedule:
    status: ScheduleStatus
    expected: float | None  # the time-elapsed progress, 0-100
    actual: float


def expected_progress(start: dt.date, deadline: dt.date, today: dt.date) -> float:
    """Time-elapsed progress (序时进度) in percent: the share of [start, deadline] gone by today."""
    if deadline <= start:
        return 100.0 if today >= deadline else 0.0
    if today <= start:
        return 0.0
    if today >= deadline:
        return 100.0
    return round(100.0 * (today - start).days / (deadline - start).days, 1)


def schedule_status(
    *,
    start: dt.date,
    deadline: dt.date | None,
    percent: float,
    now: dt.datetime,
    closed: bool = False,
    tolerance: float = 10.0,
) -> Schedule:
    """A task's progress against its time-elapsed progress.

    Behind when ``percent`` lags the elapsed share of time by more than ``tolerance`` points,
    ahead when it leads by more; a task without a dated deadline (常态化推进) has no schedule.
    ``now`` must be aware; the date is taken in its own time zone.
    """
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    if closed:
        return Schedule(ScheduleStatus.DONE, None, float(percent))
    if deadline is None:
        return Schedule(ScheduleStatus.ONGOING, None, float(percent))
    expected = expected_progress(start, deadline, now.date())
    if percent < expected - tolerance or (expected >= 100.0 and percent < 100):
        status = ScheduleStatus.BEHIND
    elif percent > expected + tolerance:
        status = ScheduleStatus.AHEAD
    else:
        status = ScheduleStatus.ON
    return Schedule(status, expected, float(percent))


def report_period(cadence: str, day: dt.date) -> str:
    """The reporting period (报送期次) ``day`` falls in for a policy's cadence: ``2025-03`` (monthly,
    the default), ``2025-Q1`` (quarterly), ``2025-H1`` (half-yearly) or ``2025`` (yearly)."""
    if cadence == "quarterly":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if cadence == "half_yearly":
        return f"{day.year}-H{1 if day.month <= 6 else 2}"
    if cadence == "yearly":
        return str(day.year)
    return f"{day.year}-{day.month:02d}"

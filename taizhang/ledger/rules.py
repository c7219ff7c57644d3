"""Computed rules of the ledger: pure functions of plain values and ``now`` (no database).

- :func:`rollup`: a measure's or policy's progress, the weighted mean of its tasks' progress,
  returned with each task's share of the weight so the interface can show it.
- :func:`expected_progress` and :func:`schedule_status`: a task against its time-elapsed progress
  (序时进度), the one home of that figure (the status rules, the task list, the monitoring and the
  scoring all read it from here).
- :class:`Colour`: the displayed colour of a task (红黄绿灯, 缺完成时限, 已办结), the one enum every page,
  export, bulletin, portal page and the API use, with :data:`COLOURS` (their order) and
  :func:`displayed_colour` (the colour shown from the stored one).
- Deadlines (完成时限): :func:`deadline_date` (the last day a stored deadline allows),
  :func:`deadline_past` and :func:`deadline_label` (how a person reads it); their SQL forms are in
  :mod:`taizhang.ledger.colours`.
- Reporting periods (报送期次): :func:`report_period` (the label of the period a day falls in),
  :func:`period_bounds` and :func:`report_periods` (the periods from assignment to now, each due on
  its last day).
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import re
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from taizhang.core.problems import N_, Message, RuleError

_TENTH = Decimal("0.1")

__all__ = [
    "Colour",
    "COLOURS",
    "COLOUR_ZH",
    "SCHEDULE_TOLERANCE",
    "displayed_colour",
    "Rollup",
    "rollup",
    "ScheduleStatus",
    "Schedule",
    "expected_progress",
    "schedule_status",
    "report_period",
    "PERIOD_RE",
    "Period",
    "PeriodError",
    "parse_period",
    "period_bounds",
    "report_periods",
    "deadline_date",
    "deadline_past",
    "deadline_label",
]


class Colour(enum.StrEnum):
    """The colour a task shows (红黄绿灯). ``no_deadline`` is missing information (未定完成时限), never
    green; ``closed`` (已办结) outranks every other."""

    GREEN = "green"
    AMBER = "amber"
    RED = "red"
    NO_DEADLINE = "no_deadline"
    CLOSED = "closed"


#: The colours in the order dashboards, bulletins and the portal count them.
COLOURS: tuple[Colour, ...] = (Colour.GREEN, Colour.AMBER, Colour.RED, Colour.NO_DEADLINE, Colour.CLOSED)

COLOUR_ZH: dict[Colour, str] = {
    Colour.GREEN: "绿灯",
    Colour.AMBER: "黄灯",
    Colour.RED: "红灯",
    Colour.NO_DEADLINE: "缺完成时限",
    Colour.CLOSED: "已办结",
}

#: Deadline kinds as stored in ``Task.deadline_kind``: 未定 (no deadline), by a month's end, by a
#: year's end, ongoing work (常态化推进).
NO_DEADLINE_KIND = ""
MONTH_KIND = "month"
YEAR_KIND = "year"
ONGOING_KIND = "ongoing"


def deadline_date(kind: str, year: int | None, month: int | None) -> dt.date | None:
    """The last day a deadline allows: end of the month, end of the year; None when ongoing/unset."""
    if kind == MONTH_KIND and year and month:
        return dt.date(year, month, calendar.monthrange(year, month)[1])
    if kind == YEAR_KIND and year:
        return dt.date(year, 12, 31)
    return None


def deadline_past(deadline: dt.date | None, today: dt.date) -> bool:
    """Whether ``deadline`` has passed on ``today``: the deadline day itself is not past."""
    return deadline is not None and today > deadline


def deadline_label(kind: str, year: int | None, month: int | None, text: str = "") -> str:
    """A deadline as a person reads it: the document's own words when kept, else 2025年6月,
    2025年底, 常态化推进 or 未定."""
    if text:
        return text
    if kind == MONTH_KIND and year and month:
        return f"{year}年{month}月"
    if kind == YEAR_KIND and year:
        return f"{year}年底"
    if kind == ONGOING_KIND:
        return "常态化推进"
    return "未定"


def displayed_colour(*, closed: bool, stored: str | None, deadline_kind: str) -> Colour:
    """The colour a task shows: closed tasks are closed; otherwise the colour the rules stored; a
    task the rules have not judged yet shows ``no_deadline`` when it has no deadline and ``green``
    otherwise (no rule fires on a task just assigned)."""
    if closed:
        return Colour.CLOSED
    if stored:
        return Colour(stored)
    if deadline_kind == NO_DEADLINE_KIND:
        return Colour.NO_DEADLINE
    return Colour.GREEN


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
    NO_DEADLINE = "no_deadline"  # 未定完成时限：无从计算序时进度


#: Points within which progress counts as on schedule; the same as the status rules' amber lag
#: threshold (``RuleConfig.lag_amber_points``), so "behind" means the behind-schedule rule fires.
SCHEDULE_TOLERANCE = 10


@dataclass(frozen=True)
class Schedule:
    status: ScheduleStatus
    expected: float | None  # the time-elapsed progress, 0-100
    actual: float


def expected_progress(start: dt.date, deadline: dt.date, today: dt.date) -> Decimal:
    """Time-elapsed progress (序时进度) in percent: the share of days from ``start`` to ``deadline``
    gone by ``today``, clamped to 0-100 and rounded half up to one decimal. A deadline on or
    before the start expects 100 from the start."""
    total = (deadline - start).days
    if total <= 0:
        return Decimal(100).quantize(_TENTH)
    elapsed = min(max((today - start).days, 0), total)
    return (Decimal(elapsed * 100) / Decimal(total)).quantize(_TENTH, rounding=ROUND_HALF_UP)


def schedule_status(
    *,
    start: dt.date,
    deadline: dt.date | None,
    percent: float,
    now: dt.datetime | dt.date,
    closed: bool = False,
    ongoing: bool = False,
    tolerance: float = SCHEDULE_TOLERANCE,
) -> Schedule:
    """A task's progress against its time-elapsed progress.

    Behind when ``percent`` lags the elapsed share of time by more than ``tolerance`` points, or
    the deadline has passed unfinished; ahead when it leads by more. A task without a dated
    deadline has no schedule: ``ongoing`` (常态化推进) when it is ongoing work, else ``no_deadline``.
    A datetime ``now`` must be aware; its date is taken in its own time zone.
    """
    if isinstance(now, dt.datetime):
        if now.tzinfo is None:
            raise ValueError("now must be an aware datetime")
        now = now.date()
    if closed:
        return Schedule(ScheduleStatus.DONE, None, float(percent))
    if deadline is None:
        return Schedule(
            ScheduleStatus.ONGOING if ongoing else ScheduleStatus.NO_DEADLINE, None, float(percent)
        )
    expected = expected_progress(start, deadline, now)
    gap = Decimal(str(percent)) - expected
    if gap < -Decimal(str(tolerance)) or (expected >= 100 and percent < 100):
        status = ScheduleStatus.BEHIND
    elif gap > Decimal(str(tolerance)):
        status = ScheduleStatus.AHEAD
    else:
        status = ScheduleStatus.ON
    return Schedule(status, float(expected), float(percent))


# A period written as 2024, 2024-H1, 2024-Q4 or 2024-11.
# Matches "2024-Q4", "2024-11", "2024"; must not match "2024-13", "24-Q1" or "2024Q4".
PERIOD_RE = re.compile(
    r"^(?P<year>\d{4})(?:-(?:Q(?P<quarter>[1-4])|H(?P<half>[12])|(?P<month>0[1-9]|1[0-2])))?$"
)


@dataclass(frozen=True)
class Period:
    """An assessment or reporting period: its code and first and last days."""

    code: str
    start: dt.date
    end: dt.date

    def contains(self, other: Period) -> bool:
        return self.start <= other.end <= self.end


class PeriodError(RuleError):
    """A period code that names no period: ``reason`` is ``"form"`` (not written as 2024, 2024-H1,
    2024-Q4 or 2024-11) or ``"year"`` (a year out of range). A :class:`RuleError` whose text is
    simplified Chinese; the interface says it in the reader's language (``supervision.wording``),
    this module importing no Django (tests/supervision/test_purity.py)."""

    def __init__(self, reason: str, code: str) -> None:
        self.reason, self.code = reason, code
        if reason == "year":
            message = Message(
                N_("The year of the period %(code)s is out of range"),
                "期次 %(code)s 的年份不合理",
                {"code": repr(code)},
            )
        else:
            message = Message(
                N_("The period %(code)s is not written as 2024, 2024-H1, 2024-Q4 or 2024-11"),
                "期次 %(code)s 不是 2024、2024-H1、2024-Q4 或 2024-11 的形式",
                {"code": repr(code)},
            )
        super().__init__("", message)


def parse_period(code: str) -> Period:
    """The period ``code`` names (2024, 2024-H1, 2024-Q4, 2024-11); :class:`PeriodError` (a
    ValueError) saying why not."""
    match = PERIOD_RE.match((code or "").strip())
    if not match:
        raise PeriodError("form", code)
    year = int(match["year"])
    if not 1949 <= year <= 2100:
        raise PeriodError("year", code)
    if match["quarter"]:
        first = (int(match["quarter"]) - 1) * 3 + 1
        last = first + 2
    elif match["half"]:
        first = 1 if match["half"] == "1" else 7
        last = first + 5
    elif match["month"]:
        first = last = int(match["month"])
    else:
        first, last = 1, 12
    end = dt.date(year, last, calendar.monthrange(year, last)[1])
    return Period(match.group(0), dt.date(year, first, 1), end)


_MONTHS_PER_PERIOD: dict[str, int] = {"quarterly": 3, "half_yearly": 6, "yearly": 12}


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


def period_bounds(cadence: str, day: dt.date) -> tuple[str, dt.date, dt.date]:
    """The period containing ``day``: its label, its first day and its last day (when its report
    is due)."""
    months = _MONTHS_PER_PERIOD.get(str(cadence), 1)  # monthly, and any unknown cadence
    first_month = (day.month - 1) // months * months + 1
    last_month = first_month + months - 1
    last = dt.date(day.year, last_month, calendar.monthrange(day.year, last_month)[1])
    return report_period(cadence, day), dt.date(day.year, first_month, 1), last


def report_periods(cadence: str, start: dt.date, now: dt.date) -> list[tuple[str, dt.date]]:
    """The reporting periods from the one containing ``start`` to the one containing ``now``, each
    as (label, due date = its last day); at least the first. Example: monthly from 2025-01-20 to
    2025-03-02 gives 2025-01 (due 01-31), 2025-02 (due 02-28) and 2025-03 (due 03-31)."""
    periods: list[tuple[str, dt.date]] = []
    day = start
    while day <= now or not periods:
        label, _, last = period_bounds(cadence, day)
        periods.append((label, last))
        day = last + dt.timedelta(days=1)
    return periods

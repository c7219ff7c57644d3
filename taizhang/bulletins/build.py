"""The figures of a bulletin (通报) for one period, gathered from the ledger in a few queries.

:func:`gather` reads every published policy's assigned tasks with their computed colour
(``task.rag``; a task without a status row counts as green, a closed task as closed), the lead
unit of each task, and the period's scorecard ranking (:func:`taizhang.monitoring.queries.scoreboard`,
the arithmetic of :mod:`taizhang.supervision.scoring`). The result is plain frozen data that
:mod:`.docx` and :mod:`.pdf` render without touching the database.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils import timezone

from taizhang.ledger.models import AssignmentRole, TaskAssignment, deadline_date
from taizhang.ledger.models import TaskStatus as TaskState
from taizhang.ledger.rules import rollup
from taizhang.monitoring.queries import Period, dashboard_tasks, parse_period, scoreboard
from taizhang.policies.models import PolicyStatus

__all__ = [
    "COLOURS",
    "Summary",
    "PolicyProgress",
    "RedTask",
    "UnitRedTasks",
    "RankRow",
    "BulletinData",
    "Masthead",
    "bulletin_period",
    "chinese_index",
    "period_label",
    "gather",
]

COLOURS: tuple[str, ...] = ("green", "amber", "red", "closed")
COLOUR_ZH = {"green": "绿灯", "amber": "黄灯", "red": "红灯", "closed": "已办结"}
LIST_ZH = {"red": "红榜", "yellow": "黄榜", "black": "黑榜"}
CHART_LIMIT = 20  # bars in a progress chart; more would not fit a page
QUARTER_ZH = {1: "一", 2: "二", 3: "三", 4: "四"}


_DIGITS = "零一二三四五六七八九"


def chinese_index(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 25 → 二十五 (for headings (一)、(二)…; up to 99)."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def bulletin_period(code: str) -> Period:
    """The month (2024-11) or quarter (2024-Q4) a bulletin covers; ValueError naming the input."""
    period = parse_period(code)
    if "-" not in period.code or "H" in period.code:
        raise ValueError(f"通报期次 {code!r} 须为月份（如 2024-11）或季度（如 2024-Q4）")
    return period


def period_label(period: Period) -> str:
    """The period in Chinese: 2024年11月, 2024年第四季度."""
    year, rest = period.code.split("-")
    if rest.startswith("Q"):
        return f"{year}年第{QUARTER_ZH[int(rest[1:])]}季度"
    return f"{year}年{int(rest)}月"


@dataclass(frozen=True)
class Summary:
    """How many tasks there are and how many of each colour."""

    tasks: int
    green: int
    amber: int
    red: int
    closed: int

    def count(self, colour: str) -> int:
        return int(getattr(self, colour))


@dataclass(frozen=True)
class PolicyProgress:
    """One policy's tasks by colour and its weighted progress (roll-up of its tasks, percent)."""

    title: str
    summary: Summary
    progress: float


@dataclass(frozen=True)
class RedTask:
    """A task showing red, with why (the rules' reason messages)."""

    ref: str
    text: str
    policy: str
    deadline: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class UnitRedTasks:
    """A lead unit (牵头单位) and its red tasks."""

    unit: str
    tasks: tuple[RedTask, ...]


@dataclass(frozen=True)
class RankRow:
    """One line of the period's ranking (绩效考核排名)."""

    rank: int
    unit: str
    total: Decimal
    honour_list: str  # 红榜 / 黄榜 / 黑榜 or ""


@dataclass(frozen=True)
class BulletinData:
    """Everything a bulletin prints for one period."""

    period: str
    label: str
    generated_on: dt.date
    summary: Summary
    policies: tuple[PolicyProgress, ...]
    red_by_unit: tuple[UnitRedTasks, ...]
    ranking: tuple[RankRow, ...]

    @property
    def red_tasks(self) -> int:
        return sum(len(group.tasks) for group in self.red_by_unit)

    def charted_policies(self, limit: int = CHART_LIMIT) -> tuple[str, tuple[PolicyProgress, ...]]:
        """The title and bars of the progress chart: every policy, or the ``limit`` slowest."""
        if len(self.policies) <= limit:
            return "各政策总体进度（%）", self.policies
        slowest = sorted(self.policies, key=lambda p: (p.progress, p.title))[:limit]
        return f"总体进度最低的{limit}个政策文件（%）", tuple(slowest)


def _summary(colours: list[str]) -> Summary:
    return Summary(
        tasks=len(colours),
        **{colour: sum(1 for c in colours if c == colour) for colour in COLOURS},
    )


def _deadline_text(row: dict[str, Any]) -> str:
    if row["deadline_text"]:
        return str(row["deadline_text"])
    day = deadline_date(row["deadline_kind"], row["deadline_year"], row["deadline_month"])
    if day is not None:
        return f"{day.year}年{day.month}月"
    return "常态化推进" if row["deadline_kind"] == "ongoing" else ""


def _colour(row: dict[str, Any]) -> str:
    if row["status"] == TaskState.CLOSED:
        return "closed"
    return str(row["rag__colour"] or "green")


def gather(code: str, now: dt.datetime | None = None) -> BulletinData:
    """The figures of the bulletin for period ``code`` (2024-11 or 2024-Q4) as of ``now``.

    Two queries for the ledger, whatever its size, plus those of the scoreboard.
    """
    now = now or timezone.now()
    period = bulletin_period(code)
    tasks = dashboard_tasks().filter(policy__status=PolicyStatus.PUBLISHED)
    rows = list(
        tasks.order_by("policy_id", "order", "pk").values(
            "pk",
            "policy_id",
            "policy__title",
            "ref",
            "text",
            "status",
            "progress",
            "weight",
            "deadline_kind",
            "deadline_year",
            "deadline_month",
            "deadline_text",
            "rag__colour",
            "rag__reasons",
        )
    )
    leads: dict[int, str] = {}
    lead_rows = (
        TaskAssignment.objects.filter(
            role=AssignmentRole.LEAD,
            task__in=tasks.exclude(status=TaskState.CLOSED).filter(rag__colour="red"),
        )
        .order_by("task_id", "order", "pk")
        .values_list("task_id", "unit__name")
    )
    for task_id, unit in lead_rows:
        leads.setdefault(task_id, unit)

    by_policy: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_policy[row["policy_id"]].append(row)
    policies = tuple(
        PolicyProgress(
            title=group[0]["policy__title"],
            summary=_summary([_colour(r) for r in group]),
            progress=rollup([(r["pk"], r["weight"], r["progress"]) for r in group]).percent,
        )
        for group in by_policy.values()
    )

    red: dict[str, list[RedTask]] = defaultdict(list)
    for row in rows:
        if _colour(row) != "red":
            continue
        reasons = tuple(
            str(reason.get("message", ""))
            for reason in (row["rag__reasons"] or [])
            if reason.get("colour") == "red" and reason.get("message")
        )
        red[leads.get(row["pk"], "（未定牵头单位）")].append(
            RedTask(row["ref"], row["text"], row["policy__title"], _deadline_text(row), reasons)
        )
    red_by_unit = tuple(
        UnitRedTasks(unit, tuple(items))
        for unit, items in sorted(red.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    )

    board = scoreboard(period, now=now)
    ranking = tuple(
        RankRow(
            rank=entry.rank,
            unit=entry.scorecard.unit,
            total=entry.scorecard.total,
            honour_list=LIST_ZH.get(str(board.lists.list_of(entry.scorecard.unit) or ""), ""),
        )
        for entry in board.ranked
    )
    return BulletinData(
        period=period.code,
        label=period_label(period),
        generated_on=timezone.localdate(now),
        summary=_summary([_colour(r) for r in rows]),
        policies=policies,
        red_by_unit=red_by_unit,
        ranking=ranking,
    )


@dataclass(frozen=True)
class Masthead:
    """The red head of a bulletin: who issues it and its number (文号), e.g. 营商督通〔2024〕3号."""

    issuer: str
    number: str
    title: str = "通报"

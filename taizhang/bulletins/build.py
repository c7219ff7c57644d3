"""The figures of a bulletin (通报) for one period, gathered from the ledger in a few queries.

:func:`gather` reads every published policy's assigned tasks with their computed colour
(``task.rag``, shown as :func:`taizhang.ledger.rules.displayed_colour` says), the lead
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

from django.db.models import Count, DecimalField, Exists, F, OuterRef, Q, Sum, Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.translation import gettext

from taizhang.ledger.models import AssignmentRole, TaskAssignment
from taizhang.ledger.models import TaskStatus as TaskState
from taizhang.ledger.rules import COLOUR_ZH as LEDGER_COLOUR_ZH
from taizhang.ledger.rules import COLOURS as LEDGER_COLOURS
from taizhang.ledger.rules import deadline_label
from taizhang.monitoring.queries import Period, colour_expression, dashboard_tasks, parse_period, scoreboard
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

COLOURS: tuple[str, ...] = tuple(c.value for c in LEDGER_COLOURS)  # the ledger's one enum
COLOUR_ZH = {c.value: label for c, label in LEDGER_COLOUR_ZH.items()}
LIST_ZH = {"red": "红榜", "yellow": "黄榜", "black": "黑榜"}
CHART_LIMIT = 20  # bars in a progress chart; more would not fit a page
RED_UNITS_LISTED = 30  # lead units whose red tasks are listed, most red first
RED_TASKS_PER_UNIT = 10  # red tasks listed under each of them; the rest are counted
NO_LEAD = "（未定牵头单位）"
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
        raise ValueError(
            gettext("A bulletin's period %(code)r must be a month (e.g. 2024-11) or a quarter (e.g. 2024-Q4)")
            % {"code": code}
        )
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
    no_deadline: int = 0  # 缺完成时限: missing information, never counted green

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
    """A lead unit (牵头单位) and its red tasks: ``total`` of them, the first ``tasks`` listed."""

    unit: str
    tasks: tuple[RedTask, ...]
    total: int = -1  # -1: as many as listed

    def __post_init__(self) -> None:
        if self.total < 0:
            object.__setattr__(self, "total", len(self.tasks))

    @property
    def not_listed(self) -> int:
        return self.total - len(self.tasks)


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
    red_units_not_listed: int = 0  # lead units with red tasks beyond RED_UNITS_LISTED
    red_tasks_not_listed: int = 0  # their red tasks

    @property
    def red_tasks(self) -> int:
        """Red tasks of the listed units (listed or counted under their unit)."""
        return sum(group.total for group in self.red_by_unit)

    def charted_policies(self, limit: int = CHART_LIMIT) -> tuple[str, tuple[PolicyProgress, ...]]:
        """The title and bars of the progress chart: every policy, or the ``limit`` slowest."""
        if len(self.policies) <= limit:
            return "各政策总体进度（%）", self.policies
        slowest = sorted(self.policies, key=lambda p: (p.progress, p.title))[:limit]
        return f"总体进度最低的{limit}个政策文件（%）", tuple(slowest)


def _summary(counts: dict[str, int]) -> Summary:
    return Summary(tasks=sum(counts.get(c, 0) for c in COLOURS), **{c: counts.get(c, 0) for c in COLOURS})


def _deadline_text(row: dict[str, Any]) -> str:
    return deadline_label(
        row["deadline_kind"], row["deadline_year"], row["deadline_month"], row["deadline_text"]
    )


def _progress(weights: Decimal | None, weighted: Decimal | None) -> float:
    """The roll-up of a policy's tasks (``rules.rollup``: the weighted mean, one decimal) from the
    sums of their weights and of weight x progress."""
    if not weights:
        return 0.0
    return round(float(weighted or 0) / float(weights), 1)


def gather(code: str, now: dt.datetime | None = None) -> BulletinData:
    """The figures of the bulletin for period ``code`` (2024-11 or 2024-Q4) as of ``now``.

    Four or five queries for the ledger, whatever its size (the colours and progress by policy, the
    red tasks by lead unit, those without one, the listed red tasks), plus the scoreboard's. The
    :data:`RED_UNITS_LISTED` units with the most red tasks are listed, with their first
    :data:`RED_TASKS_PER_UNIT` red tasks each; the others are counted.
    """
    now = now or timezone.now()
    period = bulletin_period(code)
    tasks = dashboard_tasks().filter(policy__status=PolicyStatus.PUBLISHED)
    colour = colour_expression()
    by_colour = {c: Count("pk", filter=Q(bulletin_colour=c)) for c in COLOURS}
    policy_rows = list(
        tasks.annotate(bulletin_colour=colour)
        .values("policy_id", "policy__title")
        .annotate(
            **by_colour,
            weights=Sum("weight"),
            weighted=Sum(
                F("weight") * F("progress"), output_field=DecimalField(max_digits=20, decimal_places=2)
            ),
        )
        .order_by("policy_id")
    )
    policies = tuple(
        PolicyProgress(
            title=row["policy__title"],
            summary=_summary({c: row[c] for c in COLOURS}),
            progress=_progress(row["weights"], row["weighted"]),
        )
        for row in policy_rows
    )
    overall = _summary({c: sum(row[c] for row in policy_rows) for c in COLOURS})

    red_tasks = tasks.exclude(status=TaskState.CLOSED).filter(rag__colour="red")
    # A task is listed under its first lead unit (by the assignments' order).
    earlier_lead = TaskAssignment.objects.filter(
        task_id=OuterRef("task_id"), role=AssignmentRole.LEAD
    ).filter(Q(order__lt=OuterRef("order")) | Q(order=OuterRef("order"), pk__lt=OuterRef("pk")))
    red_leads = TaskAssignment.objects.filter(role=AssignmentRole.LEAD, task__in=red_tasks).exclude(
        Exists(earlier_lead)
    )
    per_unit = list(red_leads.values_list("unit__name").annotate(n=Count("pk")).order_by())
    no_lead = red_tasks.exclude(
        Exists(TaskAssignment.objects.filter(task_id=OuterRef("pk"), role=AssignmentRole.LEAD))
    ).count()
    if no_lead:
        per_unit.append((NO_LEAD, no_lead))
    per_unit.sort(key=lambda row: (-row[1], row[0]))
    listed_units = [unit for unit, _ in per_unit[:RED_UNITS_LISTED]]
    listed_rows: dict[str, list[RedTask]] = defaultdict(list)
    fields = ["deadline_kind", "deadline_year", "deadline_month", "deadline_text", "reference", "text"]

    def add(unit: str, row: dict[str, Any], prefix: str) -> None:
        plain = {f: row[prefix + f] for f in fields}
        reasons = tuple(
            str(reason.get("message", ""))
            for reason in (row[prefix + "rag__reasons"] or [])
            if reason.get("colour") == "red" and reason.get("message")
        )
        listed_rows[unit].append(
            RedTask(
                plain["reference"],
                plain["text"],
                row[prefix + "policy__title"],
                _deadline_text(plain),
                reasons,
            )
        )

    named = [unit for unit in listed_units if unit != NO_LEAD]
    if named:
        order = [F("task__policy_id"), F("task__order"), F("task_id")]
        rows = (
            red_leads.filter(unit__name__in=named)
            .annotate(place=Window(RowNumber(), partition_by=[F("unit__name")], order_by=order))
            .filter(place__lte=RED_TASKS_PER_UNIT)
            .order_by(*order)
            .values("unit__name", *(f"task__{f}" for f in [*fields, "policy__title", "rag__reasons"]))
        )
        for row in rows:
            add(row["unit__name"], row, "task__")
    if NO_LEAD in listed_units:
        orphans = (
            red_tasks.exclude(
                Exists(TaskAssignment.objects.filter(task_id=OuterRef("pk"), role=AssignmentRole.LEAD))
            )
            .order_by("policy_id", "order", "pk")
            .values(*fields, "policy__title", "rag__reasons")[:RED_TASKS_PER_UNIT]
        )
        for row in orphans:
            add(NO_LEAD, row, "")
    red_by_unit = tuple(
        UnitRedTasks(unit, tuple(listed_rows[unit]), n) for unit, n in per_unit[:RED_UNITS_LISTED]
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
        summary=overall,
        policies=policies,
        red_by_unit=red_by_unit,
        ranking=ranking,
        red_units_not_listed=max(0, len(per_unit) - RED_UNITS_LISTED),
        red_tasks_not_listed=sum(n for _, n in per_unit[RED_UNITS_LISTED:]),
    )


@dataclass(frozen=True)
class Masthead:
    """The red head of a bulletin: who issues it and its number (文号), e.g. 营商督通〔2024〕3号."""

    issuer: str
    number: str
    title: str = "通报"

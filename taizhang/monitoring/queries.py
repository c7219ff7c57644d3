"""Database reads of monitoring: the dashboard's counts, a unit's period facts, scorecards.

Every count is done by the database (``values().annotate(Count(...))``), so a dashboard costs
the same few queries whatever the number of tasks. Scoring itself is the pure arithmetic of
:mod:`taizhang.supervision.scoring`; this module only gathers its inputs.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.db.models import Avg, Case, CharField, Count, OuterRef, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from taizhang.ledger.models import AssignmentRole, DeadlineKind, ProgressReport, Task, TaskAssignment
from taizhang.ledger.models import TaskStatus as TaskState
from taizhang.supervision.scoring import (
    ListRules,
    RankedScore,
    ScoreCard,
    ScoringConfig,
    UnitPeriodFacts,
    honour_lists,
    rank,
    score_unit,
)

__all__ = [
    "COLOURS",
    "Period",
    "parse_period",
    "period_of_date",
    "scoring_config_from",
    "list_rules_from",
    "current_settings",
    "colour_expression",
    "dashboard_tasks",
    "colour_counts",
    "counts_by",
    "turned_red",
    "unit_period_facts",
    "Scoreboard",
    "scoreboard",
    "due_reports",
    "disagreements",
]

COLOURS: tuple[str, ...] = ("green", "amber", "red", "closed")

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


def parse_period(code: str) -> Period:
    """The period ``code`` names (2024, 2024-H1, 2024-Q4, 2024-11); ValueError saying why not."""
    match = PERIOD_RE.match((code or "").strip())
    if not match:
        raise ValueError(f"期次 {code!r} 不是 2024、2024-H1、2024-Q4 或 2024-11 的形式")
    year = int(match["year"])
    if not 1949 <= year <= 2100:
        raise ValueError(f"期次 {code!r} 的年份不合理")
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


def period_of_date(day: dt.date, kind: str = "quarter") -> Period:
    """The quarter (or month, or year) that contains ``day``."""
    if kind == "month":
        return parse_period(f"{day.year}-{day.month:02d}")
    if kind == "year":
        return parse_period(str(day.year))
    return parse_period(f"{day.year}-Q{(day.month - 1) // 3 + 1}")


def _reporting_periods(cadence: str, within: Period) -> list[Period]:
    """The reporting periods of a policy's cadence whose last day falls within ``within``."""
    out: list[Period] = []
    for year in range(within.start.year, within.end.year + 1):
        if cadence == "quarterly":
            codes = [f"{year}-Q{q}" for q in range(1, 5)]
        elif cadence == "half_yearly":
            codes = [f"{year}-H1", f"{year}-H2"]
        elif cadence == "yearly":
            codes = [str(year)]
        else:
            codes = [f"{year}-{m:02d}" for m in range(1, 13)]
        out.extend(p for p in map(parse_period, codes) if within.contains(p))
    return out


# ---------------------------------------------------------------------------------------------
# Settings


def scoring_config_from(mapping: Mapping[str, Any] | None) -> ScoringConfig:
    """A ScoringConfig from stored JSON (empty: the defaults); ValueError naming the bad key."""
    if not mapping:
        return ScoringConfig()
    if not isinstance(mapping, Mapping):
        raise ValueError("考核办法必须是 JSON 对象")
    return ScoringConfig.from_mapping(mapping)


def list_rules_from(mapping: Mapping[str, Any] | None) -> ListRules:
    """ListRules from stored JSON (empty: the defaults); ValueError naming the bad key."""
    if not mapping:
        return ListRules()
    if not isinstance(mapping, Mapping):
        raise ValueError("红黄黑榜规则必须是 JSON 对象")
    known = set(ListRules.__dataclass_fields__)
    unknown = sorted(set(mapping) - known)
    if unknown:
        raise ValueError(f"ListRules: 未知的配置项 {', '.join(unknown)}")
    return ListRules(**mapping)


def current_settings() -> Any:
    """The stored ScoringSettings row (an unsaved default row when none was saved)."""
    from .models import ScoringSettings

    return ScoringSettings.objects.order_by("-pk").first() or ScoringSettings()


# ---------------------------------------------------------------------------------------------
# Dashboard


def _status_model() -> Any:
    try:
        return apps.get_model("supervision", "TaskStatus")
    except LookupError:
        return None


def colour_expression() -> Any:
    """A task's colour in SQL: closed tasks are ``closed``; a task without a status row is green."""
    if _status_model() is None:
        fallback: Any = Value("green")
    else:
        fallback = Coalesce("rag__colour", Value("green"))
    return Case(
        When(status=TaskState.CLOSED, then=Value("closed")),
        default=fallback,
        output_field=CharField(),
    )


def dashboard_tasks(policy_id: int | None = None) -> QuerySet[Task]:
    """The tasks a dashboard counts: published work (not drafts), of one policy or all."""
    tasks = Task.objects.exclude(status=TaskState.DRAFT)
    if policy_id is not None:
        tasks = tasks.filter(policy_id=policy_id)
    return tasks


def _shares(counts: Mapping[str, int]) -> dict[str, Any]:
    total = sum(counts.get(c, 0) for c in COLOURS)
    return {
        "total": total,
        "counts": {c: counts.get(c, 0) for c in COLOURS},
        "shares": {c: (round(100 * counts.get(c, 0) / total, 1) if total else 0.0) for c in COLOURS},
    }


def colour_counts(tasks: QuerySet[Task]) -> dict[str, Any]:
    """Counts and shares (percent, one decimal) of each colour among ``tasks``: one query."""
    rows = tasks.annotate(colour=colour_expression()).values("colour").annotate(n=Count("pk")).order_by()
    return _shares({row["colour"]: row["n"] for row in rows})


def counts_by(tasks: QuerySet[Task], key: str, label: str | None = None) -> list[dict[str, Any]]:
    """Colour counts of ``tasks`` grouped by the field path ``key`` (and its ``label``): one query.

    Each group is ``{"key", "label", "total", "counts", "shares"}``, worst first (most red, then
    amber), then by label.
    """
    fields = [key] + ([label] if label else [])
    rows = (
        tasks.annotate(colour=colour_expression())
        .values(*fields, "colour")
        .annotate(n=Count("pk"))
        .order_by()
    )
    groups: dict[Any, dict[str, int]] = defaultdict(dict)
    labels: dict[Any, Any] = {}
    for row in rows:
        groups[row[key]][row["colour"]] = groups[row[key]].get(row["colour"], 0) + row["n"]
        labels[row[key]] = row[label] if label else row[key]
    out = [{"key": k, "label": labels[k], **_shares(v)} for k, v in groups.items()]
    out.sort(key=lambda g: (-g["counts"]["red"], -g["counts"]["amber"], str(g["label"] or "")))
    return out


def counts_by_lead_unit(tasks: QuerySet[Task]) -> list[dict[str, Any]]:
    """Colour counts of ``tasks`` by their lead unit (牵头单位): one query."""
    assignments = TaskAssignment.objects.filter(role=AssignmentRole.LEAD, task__in=tasks)
    colour = colour_expression()
    if _status_model() is not None:
        colour = Case(
            When(task__status=TaskState.CLOSED, then=Value("closed")),
            default=Coalesce("task__rag__colour", Value("green")),
            output_field=CharField(),
        )
    else:
        colour = Case(
            When(task__status=TaskState.CLOSED, then=Value("closed")),
            default=Value("green"),
            output_field=CharField(),
        )
    rows = (
        assignments.annotate(colour=colour)
        .values("unit_id", "unit__name", "colour")
        .annotate(n=Count("pk"))
        .order_by()
    )
    groups: dict[int, dict[str, int]] = defaultdict(dict)
    labels: dict[int, str] = {}
    for row in rows:
        groups[row["unit_id"]][row["colour"]] = row["n"]
        labels[row["unit_id"]] = row["unit__name"]
    out = [{"key": k, "label": labels[k], **_shares(v)} for k, v in groups.items()]
    out.sort(key=lambda g: (-g["counts"]["red"], -g["counts"]["amber"], g["label"]))
    return out


def counts_by_deadline_month(tasks: QuerySet[Task]) -> list[dict[str, Any]]:
    """Colour counts by deadline month (年度 deadlines as “YYYY 年底”, 常态化 last): one query."""
    rows = (
        tasks.annotate(colour=colour_expression())
        .values("deadline_kind", "deadline_year", "deadline_month", "colour")
        .annotate(n=Count("pk"))
        .order_by()
    )
    groups: dict[tuple[int, int, str], dict[str, int]] = defaultdict(dict)
    for row in rows:
        kind, year, month = row["deadline_kind"], row["deadline_year"], row["deadline_month"]
        if kind == DeadlineKind.MONTH and year and month:
            key = (year, month, f"{year}-{month:02d}")
        elif kind == DeadlineKind.YEAR and year:
            key = (year, 12, f"{year}-12")
        else:
            key = (9999, 99, "ongoing")
        groups[key][row["colour"]] = groups[key].get(row["colour"], 0) + row["n"]
    return [
        {"key": k[2], "label": "常态化推进" if k[2] == "ongoing" else k[2], **_shares(v)}
        for k, v in sorted(groups.items())
    ]


def turned_red(tasks: QuerySet[Task], since: dt.datetime, limit: int = 50) -> tuple[int, list[Any]]:
    """How many of ``tasks`` turned red since ``since`` and the latest ``limit`` of them (2 queries)."""
    model = _status_model()
    if model is None:
        return 0, []
    rows = model.objects.filter(task__in=tasks, colour="red", turned_red_at__gte=since)
    latest = list(rows.select_related("task", "task__policy").order_by("-turned_red_at", "task_id")[:limit])
    return rows.count(), latest


# ---------------------------------------------------------------------------------------------
# Scorecards


def _local_date(value: dt.datetime | None) -> dt.date | None:
    return timezone.localdate(value) if value is not None else None


def _day_end(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=1), dt.time()))


def _supervision_notice_counts(period: Period) -> dict[int, int]:
    """Supervision notices (督办单) received by each unit in ``period``, if that model exists."""
    try:
        model = apps.get_model("supervision", "SupervisionNotice")
    except LookupError:
        return {}
    names = {f.name for f in model._meta.get_fields()}
    date_field = next((n for n in ("issued_at", "created_at", "sent_at") if n in names), None)
    if date_field is None:
        return {}
    rows = model.objects.filter(
        **{
            f"{date_field}__gte": _day_end(period.start - dt.timedelta(days=1)),
            f"{date_field}__lt": _day_end(period.end),
        }
    )
    if "unit" in names:
        unit_path = "unit_id"
    else:
        lead = TaskAssignment.objects.filter(task_id=OuterRef("task_id"), role=AssignmentRole.LEAD)
        rows = rows.annotate(lead_unit=Subquery(lead.values("unit_id")[:1]))
        unit_path = "lead_unit"
    return {r[unit_path]: r["n"] for r in rows.values(unit_path).annotate(n=Count("pk")).order_by()}


def unit_period_facts(
    period: Period, now: dt.datetime | None = None, report_due_days: int = 5
) -> dict[int, tuple[str, UnitPeriodFacts]]:
    """Every unit's counts for ``period``, keyed by unit id: ``(unit name, UnitPeriodFacts)``.

    How each count is taken (the scorecard page shows the same words):

    - a report is due ``report_due_days`` after the end of its reporting period; reports whose
      period ends within the assessment period count: submitted by then: on time; later: late;
    - missing: a reporting period of the policy's cadence ending within the assessment period,
      whose due date has passed by ``now``, for a task the unit leads that was assigned before
      the period ended and not closed before it began, with no submitted report;
    - returned: times a report of the unit was returned (退回) during the period;
    - overdue: tasks the unit leads that were past their deadline and not yet closed on some
      day of the period (up to today, when the period is still running);
    - closed on time: tasks the unit leads closed during the period on or before their deadline;
    - supervision notices received during the period; the period's supervisor rating.
    """
    from taizhang.core.models import HistoryEntry
    from taizhang.units.models import Unit

    from .models import UnitRating

    now = now or timezone.now()
    today = timezone.localdate(now)
    as_of = min(period.end, today)
    counts: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))

    # Leads: the tasks each unit answers for (one query).
    lead_rows = list(
        TaskAssignment.objects.filter(role=AssignmentRole.LEAD)
        .exclude(task__status=TaskState.DRAFT)
        .values(
            "unit_id",
            "task_id",
            "task__status",
            "task__assigned_at",
            "task__closed_at",
            "task__deadline_kind",
            "task__deadline_year",
            "task__deadline_month",
            "task__policy__report_cadence",
        )
    )
    # Submitted reports by (task, unit, period) (one query).
    submitted: dict[tuple[int, int, str], dt.date] = {}
    for row in ProgressReport.objects.filter(submitted_at__isnull=False).values(
        "task_id", "unit_id", "period", "submitted_at"
    ):
        submitted[(row["task_id"], row["unit_id"], row["period"])] = timezone.localdate(row["submitted_at"])
    due_days = dt.timedelta(days=report_due_days)
    for (_task, unit_id, code), day in submitted.items():
        try:
            reporting = parse_period(code)
        except ValueError:
            continue
        if not period.contains(reporting):
            continue
        counts[unit_id]["on_time_reports" if day <= reporting.end + due_days else "late_reports"] += 1

    from taizhang.ledger.models import deadline_date

    for row in lead_rows:
        unit_id = row["unit_id"]
        assigned = _local_date(row["task__assigned_at"])
        closed = _local_date(row["task__closed_at"])
        is_closed = row["task__status"] == TaskState.CLOSED
        deadline = deadline_date(
            row["task__deadline_kind"], row["task__deadline_year"], row["task__deadline_month"]
        )
        for reporting in _reporting_periods(row["task__policy__report_cadence"], period):
            if reporting.end + due_days >= today:
                continue
            if assigned is None or assigned > reporting.end:
                continue
            if is_closed and closed is not None and closed < reporting.start:
                continue
            if (row["task_id"], unit_id, reporting.code) not in submitted:
                counts[unit_id]["missing_reports"] += 1
        if deadline is not None:
            first_overdue_day = max(period.start, deadline + dt.timedelta(days=1))
            if first_overdue_day <= as_of and not (
                is_closed and closed is not None and closed <= first_overdue_day
            ):
                counts[unit_id]["overdue_tasks"] += 1
        if is_closed and closed is not None and period.start <= closed <= period.end:
            if deadline is None or closed <= deadline:
                counts[unit_id]["tasks_closed_on_time"] += 1

    # Returns (退回) recorded in the history during the period (one query).
    report_unit = ProgressReport.objects.filter(pk=OuterRef("object_id")).values("unit_id")[:1]
    returns = (
        HistoryEntry.objects.filter(
            object_type="ledger.progressreport",
            action="return_report",
            at__gte=_day_end(period.start - dt.timedelta(days=1)),
            at__lt=_day_end(period.end),
        )
        .annotate(unit_id=Subquery(report_unit))
        .values("unit_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in returns:
        if row["unit_id"] is not None:
            counts[row["unit_id"]]["returned_reports"] += row["n"]
    for unit_id, n in _supervision_notice_counts(period).items():
        if unit_id is not None:
            counts[unit_id]["supervision_notices"] += n

    ratings = {
        r["unit_id"]: r["avg"]
        for r in UnitRating.objects.filter(period=period.code)
        .values("unit_id")
        .annotate(avg=Avg("rating"))
        .order_by()
    }
    unit_ids = set(counts) | set(ratings) | {row["unit_id"] for row in lead_rows}
    names = dict(Unit.objects.filter(pk__in=unit_ids).values_list("pk", "name"))
    out: dict[int, tuple[str, UnitPeriodFacts]] = {}
    for unit_id in unit_ids:
        rating = ratings.get(unit_id)
        facts = UnitPeriodFacts(
            unit=names[unit_id],
            supervisor_rating=Decimal(str(rating)).quantize(Decimal("0.01")) if rating is not None else None,
            **dict(counts[unit_id]),
        )
        out[unit_id] = (names[unit_id], facts)
    return out


@dataclass(frozen=True)
class Scoreboard:
    """A period's scorecards, ranking and lists, with the facts each score was computed from."""

    period: Period
    config: ScoringConfig
    ranked: list[RankedScore]
    lists: Any
    facts: dict[int, UnitPeriodFacts]
    unit_ids: dict[str, int]
    report_due_days: int

    def card_of(self, unit_id: int) -> tuple[RankedScore, UnitPeriodFacts] | None:
        for entry in self.ranked:
            if self.unit_ids.get(entry.scorecard.unit) == unit_id:
                return entry, self.facts[unit_id]
        return None


def scoreboard(period: Period, now: dt.datetime | None = None) -> Scoreboard:
    """Score every unit with a part in the ledger for ``period`` with the stored 考核办法."""
    stored = current_settings()
    config = scoring_config_from(stored.config)
    rules = list_rules_from(stored.lists)
    gathered = unit_period_facts(period, now=now, report_due_days=stored.report_due_days)
    cards: list[ScoreCard] = [score_unit(facts, config) for _, facts in gathered.values()]
    ranked = rank(cards)
    return Scoreboard(
        period=period,
        config=config,
        ranked=ranked,
        lists=honour_lists(ranked, rules),
        facts={uid: facts for uid, (_, facts) in gathered.items()},
        unit_ids={name: uid for uid, (name, _) in gathered.items()},
        report_due_days=stored.report_due_days,
    )


def _current_reporting_period(cadence: str, day: dt.date) -> Period:
    if cadence == "quarterly":
        return period_of_date(day, "quarter")
    if cadence == "half_yearly":
        return parse_period(f"{day.year}-H{1 if day.month <= 6 else 2}")
    if cadence == "yearly":
        return period_of_date(day, "year")
    return period_of_date(day, "month")


def due_reports(
    unit_id: int, today: dt.date, report_due_days: int = 5, limit: int = 50
) -> list[dict[str, Any]]:
    """The open tasks ``unit_id`` leads that still owe a report for the current reporting period
    of their policy's cadence, soonest due first: ``{"task_id", "ref", "text", "period", "due"}``
    (two queries)."""
    rows = list(
        TaskAssignment.objects.filter(unit_id=unit_id, role=AssignmentRole.LEAD)
        .exclude(task__status__in=[TaskState.DRAFT, TaskState.CLOSED])
        .values("task_id", "task__ref", "task__text", "task__policy__report_cadence")
    )
    done = set(
        ProgressReport.objects.filter(
            unit_id=unit_id, task_id__in=[r["task_id"] for r in rows], submitted_at__isnull=False
        ).values_list("task_id", "period")
    )
    out = []
    for row in rows:
        reporting = _current_reporting_period(row["task__policy__report_cadence"], today)
        if (row["task_id"], reporting.code) in done:
            continue
        out.append(
            {
                "task_id": row["task_id"],
                "ref": row["task__ref"],
                "text": row["task__text"],
                "period": reporting.code,
                "due": reporting.end + dt.timedelta(days=report_due_days),
            }
        )
    out.sort(key=lambda r: (r["due"], r["task_id"]))
    return out[:limit]


def disagreements(tasks: QuerySet[Task], limit: int = 20) -> tuple[int, list[tuple[Any, Any]]]:
    """Tasks whose supervisor's judgement (研判) and computed colour part ways: how many, and up to
    ``limit`` of them with their :class:`~taizhang.supervision.rules.Disagreement` (2 queries).

    Which (judgement, colour) pairs disagree is asked of the pure rule for every pair, so the
    rule is written once, in ``supervision.rules``.
    """
    from django.db.models import Q

    from taizhang.supervision.rules import DeliveryJudgement, disagreement

    model = _status_model()
    if model is None:
        return 0, []
    pairs = Q(pk__in=[])
    for judged in DeliveryJudgement:
        for colour in ("green", "amber", "red"):
            if disagreement(colour, judged) is not None:  # type: ignore[arg-type]
                pairs |= Q(judgement=judged.value, colour=colour)
    rows = model.objects.filter(pairs, task__in=tasks).exclude(task__status=TaskState.CLOSED)
    shown = list(rows.select_related("task", "task__policy").order_by("-judged_at", "task_id")[:limit])
    return rows.count(), [(row, disagreement(row.colour, row.judgement)) for row in shown]

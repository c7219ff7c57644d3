"""Database reads of monitoring: the dashboard's counts, a unit's period facts, scorecards.

Every count is done by the database (``values().annotate(Count(...))``), so a dashboard costs
the same few queries whatever the number of tasks. Scoring itself is the pure arithmetic of
:mod:`taizhang.supervision.scoring`; this module only gathers its inputs.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.db.models import Avg, Count, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, ExtractMonth, ExtractYear, TruncDate
from django.utils import timezone
from django.utils.translation import gettext

from taizhang.ledger import rules as ledger_rules
from taizhang.ledger.colours import colour_expression, past_deadline_q
from taizhang.ledger.models import (
    AssignmentRole,
    DeadlineKind,
    ProgressReport,
    Task,
    TaskAssignment,
    deadline_date,
)
from taizhang.ledger.models import TaskStatus as TaskState
from taizhang.ledger.rules import (
    Colour,
    Period,
    PeriodError,
    expected_progress,
    report_period,
    report_periods,
)
from taizhang.supervision.scoring import (
    ListRules,
    RankedScore,
    ScoreCard,
    ScoringConfig,
    UnitPeriodFacts,
    honour_lists,
    progress_ratio,
    rank,
    score_unit,
)
from taizhang.supervision.wording import say_error
from taizhang.units.models import Unit, UnitKind

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
    "totals",
    "counts_by",
    "turned_red",
    "unit_period_facts",
    "Scoreboard",
    "scoreboard",
    "due_reports",
    "disagreements",
]

COLOURS: tuple[str, ...] = tuple(c.value for c in Colour)  # the ledger's one enum, in its order


def parse_period(code: str) -> Period:
    """The period ``code`` names (ledger.rules.parse_period); ValueError saying why not in the
    reader's language."""
    try:
        return ledger_rules.parse_period(code)
    except PeriodError as error:
        raise ValueError(say_error(error)) from None


def period_of_date(day: dt.date, kind: str = "quarter") -> Period:
    """The quarter (or month, or year) that contains ``day`` (the ledger's ``report_period`` rule)."""
    cadence = {"month": "monthly", "year": "yearly"}.get(kind, "quarterly")
    return parse_period(report_period(cadence, day))


def _reporting_periods(cadence: str, within: Period) -> list[Period]:
    """The reporting periods of a policy's cadence whose last day falls within ``within`` (the
    ledger's periods, ledger.rules.report_periods)."""
    return [
        parse_period(label)
        for label, last in report_periods(cadence, within.start, within.end)
        if within.start <= last <= within.end
    ]


# ---------------------------------------------------------------------------------------------
# Settings


def scoring_config_from(mapping: Mapping[str, Any] | None) -> ScoringConfig:
    """A ScoringConfig from stored JSON (empty: the defaults); ValueError naming the bad key."""
    if not mapping:
        return ScoringConfig()
    if not isinstance(mapping, Mapping):
        raise ValueError(gettext("The scoring rules must be a JSON object"))
    return ScoringConfig.from_mapping(mapping)


def list_rules_from(mapping: Mapping[str, Any] | None) -> ListRules:
    """ListRules from stored JSON (empty: the defaults); ValueError naming the bad key."""
    if not mapping:
        return ListRules()
    if not isinstance(mapping, Mapping):
        raise ValueError(gettext("The honour list rules must be a JSON object"))
    known = set(ListRules.__dataclass_fields__)
    unknown = sorted(set(mapping) - known)
    if unknown:
        raise ValueError(gettext("ListRules: unknown settings %(names)s") % {"names": ", ".join(unknown)})
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


def dashboard_tasks(policy_id: int | None = None) -> QuerySet[Task]:
    """The tasks a dashboard counts: published work (not drafts), of one policy or all."""
    tasks = Task.objects.exclude(status=TaskState.DRAFT)
    filters: list[tuple[str, Any, bool]] = [("status", TaskState.DRAFT, True)]
    if policy_id is not None:
        tasks = tasks.filter(policy_id=policy_id)
        filters.append(("policy_id", policy_id, False))
    tasks._dashboard_filters = filters  # type: ignore[attr-defined]
    return tasks


def _shares(counts: Mapping[str, int]) -> dict[str, Any]:
    total = sum(counts.get(c, 0) for c in COLOURS)
    return {
        "total": total,
        "counts": {c: counts.get(c, 0) for c in COLOURS},
        "shares": {c: (round(100 * counts.get(c, 0) / total, 1) if total else 0.0) for c in COLOURS},
    }


def totals(groups: list[dict[str, Any]]) -> dict[str, Any]:
    """Counts and shares of each colour over ``groups`` that share no task (as ``colour_counts``)."""
    return _shares({c: sum(g["counts"][c] for g in groups) for c in COLOURS})


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
    """Colour counts of ``tasks`` by their lead unit (牵头单位): two queries (the counts grouped by
    unit id, then the units' names)."""

    assignments = TaskAssignment.objects.filter(role=AssignmentRole.LEAD, task__in=tasks)
    rows = (
        assignments.annotate(colour=colour_expression("task__"))
        .values("unit_id", "colour")
        .annotate(n=Count("pk"))
        .order_by()
    )
    groups: dict[int, dict[str, int]] = defaultdict(dict)
    for row in rows:
        groups[row["unit_id"]][row["colour"]] = row["n"]
    labels = dict(Unit.objects.filter(pk__in=list(groups)).values_list("pk", "name")) if groups else {}
    out = [{"key": k, "label": labels.get(k, ""), **_shares(v)} for k, v in groups.items()]
    out.sort(key=lambda g: (-g["counts"]["red"], -g["counts"]["amber"], g["label"]))
    return out


def counts_by_deadline_month(tasks: QuerySet[Task]) -> list[dict[str, Any]]:
    """Colour counts by deadline month (年度 deadlines as “YYYY 年底”, then 常态化, then 未定): one query."""
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
        elif kind == DeadlineKind.ONGOING:
            key = (9999, 98, "ongoing")
        else:
            key = (9999, 99, "no_deadline")
        groups[key][row["colour"]] = groups[key].get(row["colour"], 0) + row["n"]
    return [
        {
            "key": k[2],
            "label": {
                "ongoing": gettext("Ongoing work (常态化推进)"),
                "no_deadline": gettext("Deadline not set"),
            }.get(k[2], k[2]),
            **_shares(v),
        }
        for k, v in sorted(groups.items())
    ]


def _statuses_of(tasks: QuerySet[Task]) -> Any:
    """The status rows of ``tasks``. For a :func:`dashboard_tasks` queryset the conditions are
    joined (``task__…``) rather than ``task_id IN (…)``: the database then reads the few status
    rows asked for (by colour, date or judgement) instead of every task."""
    rows = _status_model().objects.all()
    plain = _plain_filters(tasks)
    if plain is None:
        return rows.filter(task__in=tasks)
    for lookup, value, negated in plain:
        condition = {f"task__{lookup}": value}
        rows = rows.exclude(**condition) if negated else rows.filter(**condition)
    return rows


def _plain_filters(tasks: QuerySet[Task]) -> list[tuple[str, Any, bool]] | None:
    """The conditions of a :func:`dashboard_tasks` queryset, or None for any other queryset."""
    return getattr(tasks, "_dashboard_filters", None)


def turned_red(tasks: QuerySet[Task], since: dt.datetime, limit: int = 50) -> tuple[int, list[Any]]:
    """How many of ``tasks`` turned red since ``since`` and the latest ``limit`` of them (2 queries)."""
    if _status_model() is None:
        return 0, []
    rows = _statuses_of(tasks).filter(colour="red", turned_red_at__gte=since)
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


_CADENCES_OF_THEIR_OWN = ("quarterly", "half_yearly", "yearly")  # any other cadence reports monthly


def _any_of(conditions: Any) -> Q:
    """The OR of ``conditions`` (a condition never true when there is none)."""
    out = Q(pk__in=[])
    for condition in conditions:
        out |= condition
    return out


def _month_ends(first: dt.date, last: dt.date) -> list[dt.date]:
    """The last days of months falling within [first, last]."""
    out = []
    year, month = first.year, first.month
    while True:
        end = dt.date(year, month, calendar.monthrange(year, month)[1])
        if end > last:
            return out
        if end >= first:
            out.append(end)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _dated(prefix: str = "task__") -> Q:
    """A task whose deadline has a date (a month with its year, or a year; ``deadline_date``)."""
    return Q(
        **{f"{prefix}deadline_kind": DeadlineKind.MONTH, f"{prefix}deadline_year__gt": 0},
        **{f"{prefix}deadline_month__gt": 0},
    ) | Q(**{f"{prefix}deadline_kind": DeadlineKind.YEAR, f"{prefix}deadline_year__gt": 0})


def _deadline_before(day: dt.date) -> Q:
    """Lead rows whose task's deadline (the last day it allows) falls before ``day``."""
    return past_deadline_q(day, prefix="task__")


def _deadline_on(day: dt.date) -> Q:
    """Lead rows whose task's deadline is exactly ``day`` (a month's or a year's last day)."""
    out = Q(pk__in=[])
    if day == dt.date(day.year, day.month, calendar.monthrange(day.year, day.month)[1]):
        out |= Q(
            task__deadline_kind=DeadlineKind.MONTH,
            task__deadline_year=day.year,
            task__deadline_month=day.month,
        )
    if (day.month, day.day) == (12, 31):
        out |= Q(task__deadline_kind=DeadlineKind.YEAR, task__deadline_year=day.year)
    return out


def _closed_before(moment: dt.datetime) -> Q:
    return Q(task__status=TaskState.CLOSED, task__closed_at__isnull=False, task__closed_at__lt=moment)


def _missing_reports(period: Period, today: dt.date, due_days: dt.timedelta) -> Count:
    """Lead rows x reporting periods of their policy's cadence ending within ``period`` and due
    before ``today``, the task assigned by the period's end and not closed before it began, with no
    report of the unit submitted for it (see :func:`unit_period_facts`)."""
    from django.db.models import Exists

    cases = []
    for cadence in ("monthly", *_CADENCES_OF_THEIR_OWN):
        if cadence == "monthly":
            of_cadence = ~Q(task__policy__report_cadence__in=_CADENCES_OF_THEIR_OWN)
        else:
            of_cadence = Q(task__policy__report_cadence=cadence)
        for reporting in _reporting_periods(cadence, period):
            if reporting.end + due_days >= today:
                continue
            reported = ProgressReport.objects.filter(
                task_id=OuterRef("task_id"),
                unit_id=OuterRef("unit_id"),
                period=reporting.code,
                submitted_at__isnull=False,
            )
            cases.append(
                of_cadence
                & Q(task__assigned_at__isnull=False, task__assigned_at__lt=_day_end(reporting.end))
                & ~_closed_before(_day_end(reporting.start - dt.timedelta(days=1)))
                & ~Q(Exists(reported))
            )
    if not cases:
        return Count("pk", filter=Q(pk__in=[]))
    # One conditional count per reporting period, added up (a row may miss several periods).
    total: Any = None
    for case in cases:
        term = Count("pk", filter=case)
        total = term if total is None else total + term
    return total


def _overdue_tasks(period: Period, as_of: dt.date) -> Count:
    """Lead rows whose task was past its deadline and not yet closed on some day of ``period``
    up to ``as_of``: the first overdue day is the period's start or the day after the deadline,
    whichever is later. A task assigned after its deadline had passed is not held to it."""
    if as_of < period.start:
        return Count("pk", filter=Q(pk__in=[]))
    # Deadline before the period began: overdue from its first day.
    cases = [_deadline_before(period.start) & ~_closed_before(_day_end(period.start))]
    # Deadline within the period, before as_of: overdue from the day after it.
    day = period.start
    while day < as_of:
        cases.append(_deadline_on(day) & ~_closed_before(_day_end(day + dt.timedelta(days=1))))
        day = _next_deadline_day(day)
    return Count("pk", filter=_held_to_deadline() & _any_of(cases))


def _next_deadline_day(day: dt.date) -> dt.date:
    """The next month end after ``day`` (deadlines fall on month ends; a year's on 31 December)."""
    following = day + dt.timedelta(days=1)
    return dt.date(following.year, following.month, calendar.monthrange(following.year, following.month)[1])


def _closed_within(period: Period, as_of: dt.date) -> Q:
    """Lead rows whose task was closed between the period's first day and ``as_of``."""
    return Q(
        task__status=TaskState.CLOSED,
        task__closed_at__isnull=False,
        task__closed_at__gte=_day_end(period.start - dt.timedelta(days=1)),
        task__closed_at__lt=_day_end(as_of),
    )


def _held_to_deadline() -> Q:
    """Lead rows whose task is held to its deadline: dated, and the deadline falls on or after
    the month it was assigned in. A task assigned after its deadline had passed is not due by it
    (its deadline needs correcting): closing it counts as on time, leaving it open is not overdue."""
    tz = timezone.get_current_timezone()
    year, month = ExtractYear("task__assigned_at", tzinfo=tz), ExtractMonth("task__assigned_at", tzinfo=tz)
    by_month = Q(task__deadline_kind=DeadlineKind.MONTH) & (
        Q(task__deadline_year__gt=year) | Q(task__deadline_year=year, task__deadline_month__gte=month)
    )
    by_year = Q(task__deadline_kind=DeadlineKind.YEAR, task__deadline_year__gte=year)
    return _dated() & (by_month | by_year)


def _in_time(period: Period) -> Q:
    """Lead rows whose task, closed within ``period``, was closed by its deadline: no deadline (or
    none it is held to), a deadline at the period's end or later, or one within the period met."""
    in_time = ~_held_to_deadline() | ~_deadline_before(period.end)
    for end in _month_ends(period.start, period.end - dt.timedelta(days=1)):
        in_time |= _deadline_on(end) & Q(task__closed_at__lt=_day_end(end))
    return in_time


def _closed_late(period: Period, as_of: dt.date) -> Count:
    """Lead rows whose task was closed within the period (up to ``as_of``) after its deadline."""
    return Count("pk", filter=_closed_within(period, as_of) & ~_in_time(period))


def _due_unclosed(as_of: dt.date) -> Count:
    """Lead rows whose task is held to a deadline that passed before ``as_of`` and that was still
    open at its end."""
    still_open = ~Q(task__status=TaskState.CLOSED) | Q(task__closed_at__gte=_day_end(as_of))
    return Count("pk", filter=_held_to_deadline() & _deadline_before(as_of) & still_open)


def _closed_on_time(period: Period) -> Count:
    """Lead rows whose task was closed within ``period``, on or before its deadline (if any)."""
    return Count("pk", filter=_closed_within(period, period.end) & _in_time(period))


def _progress_ratios(period: Period, as_of: dt.date, judged_from: Decimal) -> dict[int, list[Decimal]]:
    """Each unit's progress ratios (one query): the tasks it leads, assigned by ``as_of``, open at
    its end and not yet at their deadline, whose 序时进度 on ``as_of`` (from the day assigned to the
    deadline) is at least ``judged_from`` %: the accepted progress as of ``as_of`` (the latest report
    the supervisor accepted by then; 0 without one) against it, held to 0–1. Tasks sharing a start,
    deadline and accepted progress are read as one row."""
    from taizhang.ledger.models import ReportStatus

    accepted = ProgressReport.objects.filter(
        task_id=OuterRef("task_id"), status=ReportStatus.ACCEPTED, reviewed_at__lt=_day_end(as_of)
    ).order_by("-reviewed_at", "-pk")
    still_open = ~Q(task__status=TaskState.CLOSED) | Q(task__closed_at__gte=_day_end(as_of))
    rows = (
        TaskAssignment.objects.filter(role=AssignmentRole.LEAD, task__assigned_at__lt=_day_end(as_of))
        .exclude(task__status=TaskState.DRAFT)
        .filter(still_open, _dated(), ~_deadline_before(as_of))
        .annotate(
            start=TruncDate("task__assigned_at", tzinfo=timezone.get_current_timezone()),
            accepted=Coalesce(Subquery(accepted.values("percent")[:1]), Value(0)),
        )
        .values(
            "unit_id",
            "start",
            "task__deadline_kind",
            "task__deadline_year",
            "task__deadline_month",
            "accepted",
        )
        .annotate(n=Count("pk"))
        .order_by()
    )
    out: dict[int, list[Decimal]] = defaultdict(list)
    for row in rows:
        deadline = deadline_date(
            row["task__deadline_kind"], row["task__deadline_year"], row["task__deadline_month"]
        )
        if deadline is None or row["start"] is None:
            continue
        expected = expected_progress(row["start"], deadline, as_of)
        if expected < judged_from:
            continue
        out[row["unit_id"]].extend([progress_ratio(row["accepted"], expected)] * row["n"])
    return out


def unit_period_facts(
    period: Period,
    now: dt.datetime | None = None,
    report_due_days: int = 5,
    judged_from: Decimal = Decimal(10),
) -> dict[int, tuple[str, UnitPeriodFacts]]:
    """Every unit's counts for ``period``, keyed by unit id: ``(unit name, UnitPeriodFacts)``.

    How each count is taken (the scorecard page shows the same words):

    - a report is due ``report_due_days`` after the end of its reporting period; reports whose
      period ends within the assessment period count: submitted by then: on time; later: late;
    - missing: a reporting period of the policy's cadence ending within the assessment period,
      whose due date has passed by ``now``, for a task the unit leads that was assigned before
      the period ended and not closed before it began, with no submitted report;
    - returned: times a report of the unit was returned (退回) during the period;
    - progress: for each task the unit leads, assigned and open on ``as_of`` (the period's end, or
      today while it runs) and not past its deadline, whose 序时进度 is at least ``judged_from`` %:
      the accepted progress against it (:func:`_progress_ratios`);
    - overdue: tasks the unit leads that were past their deadline and not yet closed on some
      day of the period (up to today, when the period is still running);
    - closed on time: tasks the unit leads closed during the period on or before their deadline;
      closed late: closed during the period after it; due and unclosed: past their deadline
      before ``as_of`` and still open at its end;
    - supervision notices received during the period; the period's supervisor rating.
    """
    from taizhang.core.models import HistoryEntry

    from .models import UnitRating

    now = now or timezone.now()
    today = timezone.localdate(now)
    as_of = min(period.end, today)
    counts: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))

    due_days = dt.timedelta(days=report_due_days)

    # Reports submitted for a reporting period within the assessment period, on time or late, by
    # unit (two queries: the period codes written, then the counts).
    within: dict[str, Period] = {}
    for code in (
        ProgressReport.objects.filter(submitted_at__isnull=False)
        .values_list("period", flat=True)
        .distinct()
        .order_by()
    ):
        try:
            reporting = parse_period(code)
        except ValueError:
            continue
        if period.contains(reporting):
            within[code] = reporting
    if within:
        on_time = _any_of(
            Q(period=code, submitted_at__lt=_day_end(reporting.end + due_days))
            for code, reporting in within.items()
        )
        for row in (
            ProgressReport.objects.filter(submitted_at__isnull=False, period__in=list(within))
            .values("unit_id")
            .annotate(n=Count("pk"), on_time=Count("pk", filter=on_time))
            .order_by()
        ):
            if row["on_time"]:
                counts[row["unit_id"]]["on_time_reports"] += row["on_time"]
            if row["n"] > row["on_time"]:
                counts[row["unit_id"]]["late_reports"] += row["n"] - row["on_time"]

    # The tasks each unit leads: missing reports, overdue tasks, tasks closed on time (one query).
    lead_counts = (
        TaskAssignment.objects.filter(role=AssignmentRole.LEAD)
        .exclude(task__status=TaskState.DRAFT)
        .filter(task__assigned_at__lt=_day_end(as_of))
        .values("unit_id")
        .annotate(
            missing_reports=_missing_reports(period, today, due_days),
            overdue_tasks=_overdue_tasks(period, as_of),
            tasks_closed_on_time=_closed_on_time(period),
            tasks_closed_late=_closed_late(period, as_of),
            tasks_due_unclosed=_due_unclosed(as_of),
        )
        .order_by()
    )
    lead_units: list[int] = []
    lead_keys = (
        "missing_reports",
        "overdue_tasks",
        "tasks_closed_on_time",
        "tasks_closed_late",
        "tasks_due_unclosed",
    )
    for row in lead_counts:
        lead_units.append(row["unit_id"])
        for key in lead_keys:
            if row[key]:
                counts[row["unit_id"]][key] += row[key]
    ratios = _progress_ratios(period, as_of, judged_from)

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
    unit_ids = set(counts) | set(ratings) | set(lead_units) | set(ratios)
    # A collective (各街道办) is not an accountable unit, and a merged unit's rows have moved.
    names = dict(
        Unit.objects.filter(pk__in=unit_ids, merged_into=None)
        .exclude(kind=UnitKind.COLLECTIVE)
        .values_list("pk", "name")
    )
    out: dict[int, tuple[str, UnitPeriodFacts]] = {}
    for unit_id in unit_ids & set(names):
        rating = ratings.get(unit_id)
        facts = UnitPeriodFacts(
            unit=names[unit_id],
            supervisor_rating=Decimal(str(rating)).quantize(Decimal("0.01")) if rating is not None else None,
            progress_ratios=tuple(ratios.get(unit_id, ())),
            **dict(counts[unit_id]),
        )
        out[unit_id] = (names[unit_id], facts)
    return out


@dataclass(frozen=True)
class Scoreboard:
    """A period's scorecards, ranking and lists, with the facts each score was computed from;
    ``unassessed`` are the units that had nothing due in the period (listed apart, not ranked)."""

    period: Period
    config: ScoringConfig
    ranked: list[RankedScore]
    lists: Any
    facts: dict[int, UnitPeriodFacts]
    unit_ids: dict[str, int]
    report_due_days: int
    unassessed: list[ScoreCard] = field(default_factory=list)

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
    gathered = unit_period_facts(
        period, now=now, report_due_days=stored.report_due_days, judged_from=config.progress_judged_from
    )
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
        unassessed=sorted((c for c in cards if not c.assessed), key=lambda c: c.unit),
    )


def _current_reporting_period(cadence: str, day: dt.date) -> Period:
    return parse_period(report_period(cadence, day))


def due_reports(
    unit_id: int, today: dt.date, report_due_days: int = 5, limit: int = 50
) -> list[dict[str, Any]]:
    """The open tasks ``unit_id`` leads that still owe a report for the current reporting period
    of their policy's cadence, soonest due first: ``{"task_id", "ref", "text", "period", "due"}``
    (two queries)."""
    rows = list(
        TaskAssignment.objects.filter(unit_id=unit_id, role=AssignmentRole.LEAD)
        .exclude(task__status__in=[TaskState.DRAFT, TaskState.CLOSED])
        .values("task_id", "task__reference", "task__text", "task__policy__report_cadence")
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
                "ref": row["task__reference"],
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
    rows = _statuses_of(tasks).filter(pairs).exclude(task__status=TaskState.CLOSED)
    shown = list(rows.select_related("task", "task__policy").order_by("-judged_at", "task_id")[:limit])
    return rows.count(), [(row, disagreement(row.colour, row.judgement)) for row in shown]

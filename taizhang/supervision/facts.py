"""Reading many tasks into :class:`~taizhang.supervision.rules.TaskFacts` in a fixed number of queries.

:func:`load_contexts` takes a list of task ids and answers, per task, its facts, the rule
configuration of its policy, its lead units and its next report due. It runs the same seven
queries whatever the number of tasks (callers batch the ids), so the reminder job and the status
refresh scale to a province-sized ledger.

Reporting periods follow the policy's cadence (每月/每季度/每半年/每年): the report for a period is
due on the period's last day, from the period in which the task was assigned up to the current
one. A period counts as reported once the lead unit has submitted a report for it (a returned
report was submitted; the returns rule judges it).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import QuerySet
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from taizhang.ledger.models import (
    AssignmentRole,
    DeadlineKind,
    ExtensionRequest,
    ExtensionStatus,
    ProgressReport,
    ReportStatus,
    Task,
    TaskAssignment,
    deadline_date,
)
from taizhang.ledger.models import TaskStatus as LedgerStatus
from taizhang.ledger.rules import report_periods as ledger_report_periods
from taizhang.policies.models import Policy, ReportCadence

from .models import RuleSettings, SupervisionNotice
from .rules import NoticeFact, ReportFact, ReportOutcome, RuleConfig, TaskFacts

__all__ = ["TaskContext", "load_contexts", "policy_config", "report_periods", "task_lookup", "CADENCE_DAYS"]

# A cadence longer than a month is judged by the rules in days (RuleConfig knows months or days).
CADENCE_DAYS = {ReportCadence.QUARTERLY: 91, ReportCadence.HALF_YEARLY: 182, ReportCadence.YEARLY: 365}

_SUBMITTED = (
    ReportStatus.SUBMITTED,
    ReportStatus.APPROVED_BY_LEADER,
    ReportStatus.ACCEPTED,
    ReportStatus.RETURNED,
)


@dataclass(frozen=True)
class TaskContext:
    """What the status rules and the reminders need about one task.

    ``next_due`` is the (period label, due date) of the earliest period still unreported, or None.
    """

    task_id: int
    policy_id: int
    ref: str
    text: str
    facts: TaskFacts
    config: RuleConfig
    lead_unit_ids: tuple[int, ...]
    next_due: tuple[str, dt.date] | None


def policy_config(cadence: str, overrides: dict[str, object] | None) -> RuleConfig:
    """The rule configuration of a policy: its reporting cadence, then its stored overrides."""
    base: dict[str, object] = {}
    if cadence in CADENCE_DAYS:
        base = {"report_cadence": "days", "report_cadence_days": CADENCE_DAYS[ReportCadence(cadence)]}
    return RuleConfig.from_mapping({**base, **(overrides or {})})


@functools.lru_cache(maxsize=4096)
def _periods(cadence: str, start: dt.date, now: dt.date) -> tuple[tuple[str, dt.date], ...]:
    # Many tasks share a cadence and an assignment date (a policy's tasks are assigned together),
    # so a full refresh computes each schedule once.
    return tuple(ledger_report_periods(cadence, start, now))


def report_periods(cadence: str, start: dt.date, now: dt.date) -> list[tuple[str, dt.date]]:
    """The reporting periods from assignment to now (ledger.rules.report_periods, cached)."""
    return list(_periods(str(cadence), start, now))


_OUTCOMES: dict[str, ReportOutcome] = {
    ReportStatus.ACCEPTED: ReportOutcome.ACCEPTED,
    ReportStatus.RETURNED: ReportOutcome.RETURNED,
}

# A task lookup: ``{"task_id__in": ids}`` or, for ids that fill most of their range (the whole
# ledger in pk order), ``first <= task_id <= last``, which the database answers with one
# index range scan instead of thousands of probes; rows of other tasks are dropped in Python.
_Lookup = dict[str, object]


def task_lookup(ids: Sequence[int]) -> _Lookup:
    """The filter on ``task_id`` for the sorted ``ids`` (see above)."""
    if ids and ids[-1] - ids[0] < 2 * len(ids):
        return {"task_id__gte": ids[0], "task_id__lte": ids[-1]}
    return {"task_id__in": list(ids)}


def _rows(queryset: QuerySet[Any, tuple[Any, ...]]) -> Iterable[tuple[Any, ...]]:
    """The rows of a ``values_list`` queryset. On PostgreSQL the driver already gives the Python
    values (a ``TruncDate`` a date), so the rows are read straight from the cursor, skipping
    Django's per-row converters: the reports are about ten rows per task."""
    if connection.vendor != "postgresql":
        return queryset
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def load_contexts(task_ids: Iterable[int], now: dt.datetime) -> dict[int, TaskContext]:
    """The :class:`TaskContext` of every task in ``task_ids`` (draft tasks are skipped), in seven
    queries whatever their number."""
    requested = sorted(set(task_ids))
    if not requested:
        return {}
    tz = timezone.get_current_timezone()
    today = timezone.localdate(now)
    lookup = task_lookup(requested)
    pk_lookup = {k.replace("task_id", "pk"): v for k, v in lookup.items()}
    wanted = set(requested)
    # The local days are computed by the database (TruncDate in the current time zone, as
    # timezone.localdate does), which is much cheaper than reading datetimes.
    task_rows = (
        Task.objects.filter(**pk_lookup)
        .exclude(status=LedgerStatus.DRAFT)
        .order_by("pk")
        .values_list(
            "pk",
            "policy_id",
            "reference",
            "text",
            "status",
            "progress",
            TruncDate(Coalesce("assigned_at", "created_at"), tzinfo=tz),
            TruncDate("closed_at", tzinfo=tz),
            "deadline_kind",
            "deadline_year",
            "deadline_month",
            "consecutive_returns",
            TruncDate("progress_changed_at", tzinfo=tz),
        )
    )
    tasks = [t for t in _rows(task_rows) if t[0] in wanted]
    if not tasks:
        return {}
    ids: set[int] = {t[0] for t in tasks}
    policy_ids = {t[1] for t in tasks}
    settings = dict(RuleSettings.objects.filter(policy_id__in=policy_ids).values_list("policy_id", "values"))
    configs: dict[int, RuleConfig] = {}
    cadences: dict[int, str] = {}
    for pk, cadence in Policy.objects.filter(pk__in=policy_ids).values_list("pk", "report_cadence"):
        cadences[pk] = cadence
        configs[pk] = policy_config(cadence, settings.get(pk))

    leads: dict[int, list[int]] = defaultdict(list)
    for task_id, unit_id in TaskAssignment.objects.filter(**lookup, role=AssignmentRole.LEAD).values_list(
        "task_id", "unit_id"
    ):
        if task_id in ids:
            leads[task_id].append(unit_id)

    # Per task and period, the lead unit's report: (day submitted or None, status). A draft counts
    # as no report at all, so only reports in a submitted state are read. When several lead units
    # reported, the earliest submission wins.
    reports: dict[int, dict[str, tuple[dt.date | None, str]]] = {}
    no_leads: tuple[int, ...] = ()
    report_rows = (
        ProgressReport.objects.filter(**lookup, status__in=_SUBMITTED)
        .order_by()
        .values_list("task_id", "unit_id", "period", "status", TruncDate("submitted_at", tzinfo=tz))
    )
    for task_id, unit_id, period, status, submitted in _rows(report_rows):
        if unit_id not in leads.get(task_id, no_leads):
            continue
        periods = reports.get(task_id)
        if periods is None:
            periods = reports[task_id] = {}
        known = periods.get(period)
        if known is None or (submitted and (known[0] is None or submitted < known[0])):
            periods[period] = (submitted, status)

    notices: dict[int, list[NoticeFact]] = defaultdict(list)
    for task_id, due_on, answered_at, closed_at in SupervisionNotice.objects.filter(**lookup).values_list(
        "task_id", "due_on", "answered_at", "closed_at"
    ):
        if task_id not in ids:
            continue
        answered = answered_at or closed_at
        notices[task_id].append(
            NoticeFact(due_on=due_on, answered_on=answered.astimezone(tz).date() if answered else None)
        )
    pending = set(
        ExtensionRequest.objects.filter(**lookup, status=ExtensionStatus.PENDING).values_list(
            "task_id", flat=True
        )
    )

    # Report facts are immutable and shared by many tasks: build each one once.
    report_facts_cache: dict[tuple[dt.date, dt.date | None, ReportOutcome], ReportFact] = {}
    unreported_cache: dict[tuple[dt.date, ...], tuple[ReportFact, ...]] = {}
    deadlines: dict[tuple[str, int | None, int | None], dt.date | None] = {}
    out: dict[int, TaskContext] = {}
    for (
        pk,
        policy_id,
        ref,
        text,
        status,
        progress,
        assigned,
        closed_on,
        deadline_kind,
        deadline_year,
        deadline_month,
        consecutive_returns,
        progress_changed_on,
    ) in tasks:
        deadline_key = (deadline_kind, deadline_year, deadline_month)
        if deadline_key in deadlines:
            deadline = deadlines[deadline_key]
        else:
            deadline = deadlines[deadline_key] = deadline_date(deadline_kind, deadline_year, deadline_month)
        if deadline is not None and deadline < assigned:
            # A task imported after its deadline: the schedule starts at the deadline itself.
            assigned = deadline
        schedule = _periods(cadences[policy_id], assigned, today)
        task_reports = reports.get(pk)
        next_due: tuple[str, dt.date] | None = None
        report_facts: tuple[ReportFact, ...]
        if task_reports is None:
            dues = tuple(due_on for _, due_on in schedule)
            report_facts = unreported_cache.get(dues)  # type: ignore[assignment]
            if report_facts is None:
                report_facts = unreported_cache[dues] = tuple(ReportFact(due_on=due_on) for due_on in dues)
            next_due = schedule[0]
        else:
            facts_list: list[ReportFact] = []
            for label, due_on in schedule:
                submitted, report_status = task_reports.get(label, (None, ""))
                outcome = _OUTCOMES.get(report_status, ReportOutcome.PENDING)
                key = (due_on, submitted, outcome)
                fact = report_facts_cache.get(key)
                if fact is None:
                    fact = report_facts_cache[key] = ReportFact(
                        due_on=due_on, submitted_on=submitted, outcome=outcome
                    )
                facts_list.append(fact)
                if submitted is None and next_due is None:
                    next_due = (label, due_on)
            report_facts = tuple(facts_list)
        closed = status == LedgerStatus.CLOSED
        facts = TaskFacts(
            assigned_at=assigned,
            deadline=deadline,
            ongoing=deadline_kind == DeadlineKind.ONGOING,
            closed=closed,
            closed_at=closed_on,
            progress_percent=int(progress),
            reports=report_facts,
            consecutive_returns=consecutive_returns,
            last_progress_change=progress_changed_on,
            notices=tuple(notices.get(pk, ())),
            extension_pending=pk in pending,
        )
        out[pk] = TaskContext(
            task_id=pk,
            policy_id=policy_id,
            ref=ref,
            text=text,
            facts=facts,
            config=configs[policy_id],
            lead_unit_ids=tuple(leads.get(pk, ())),
            next_due=None if closed else next_due,
        )
    return out

"""Reading many tasks into :class:`~taizhang.supervision.rules.TaskFacts` in a fixed number of queries.

:func:`load_contexts` takes a list of task ids and answers, per task, its facts, the rule
configuration of its policy, its lead units and its next report due. It runs the same nine
queries whatever the number of tasks (callers batch the ids), so the reminder job and the status
refresh scale to a province-sized ledger.

Reporting periods follow the policy's cadence (每月/每季度/每半年/每年): the report for a period is
due on the period's last day, from the period in which the task was assigned up to the current
one. A period counts as reported once the lead unit has submitted a report for it (a returned
report was submitted; the returns rule judges it).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils import timezone

from taizhang.core.models import HistoryEntry
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
from taizhang.ledger.rules import report_period
from taizhang.policies.models import Policy, ReportCadence

from .models import RuleSettings, SupervisionNotice
from .rules import NoticeFact, ReportFact, ReportOutcome, RuleConfig, TaskFacts

__all__ = ["TaskContext", "load_contexts", "policy_config", "report_periods", "CADENCE_DAYS"]

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


def _period_of(cadence: str, day: dt.date) -> tuple[str, dt.date, dt.date]:
    """The period containing ``day``: its label (the ledger's own rule), its last day and the first
    day of the next one."""
    months = {ReportCadence.QUARTERLY: 3, ReportCadence.HALF_YEARLY: 6, ReportCadence.YEARLY: 12}.get(
        ReportCadence(cadence) if cadence in ReportCadence.values else ReportCadence.MONTHLY, 1
    )
    last_month = ((day.month - 1) // months + 1) * months
    end = dt.date(day.year, last_month, calendar.monthrange(day.year, last_month)[1])
    return report_period(cadence, day), end, end + dt.timedelta(days=1)


def report_periods(cadence: str, start: dt.date, now: dt.date) -> list[tuple[str, dt.date]]:
    """The reporting periods from the one containing ``start`` to the one containing ``now``,
    each as (label, due date = its last day). Example: monthly from 2025-01-20 to 2025-03-02 gives
    2025-01 (due 01-31), 2025-02 (due 02-28) and 2025-03 (due 03-31)."""
    periods: list[tuple[str, dt.date]] = []
    day = start
    while day <= now or not periods:
        label, end, following = _period_of(cadence, day)
        periods.append((label, end))
        day = following
    return periods


def _consecutive_returns(task_ids: Sequence[int]) -> dict[int, int]:
    counts: dict[int, int] = defaultdict(int)
    rows = (
        HistoryEntry.objects.filter(task_id__in=task_ids, action__in=("return_report", "accept_report"))
        .order_by("at", "pk")
        .values_list("task_id", "action")
    )
    for task_id, action in rows:
        counts[task_id] = counts[task_id] + 1 if action == "return_report" else 0
    return counts


def _last_progress_change(task_ids: Sequence[int]) -> dict[int, dt.date]:
    changes: dict[int, dt.date] = {}
    rows = HistoryEntry.objects.filter(task_id__in=task_ids, action="update_progress").values_list(
        "task_id", "at", "before", "after"
    )
    for task_id, at, before, after in rows:
        if (before or {}).get("progress") == (after or {}).get("progress"):
            continue
        day = timezone.localdate(at)
        if task_id not in changes or day > changes[task_id]:
            changes[task_id] = day
    return changes


def load_contexts(task_ids: Iterable[int], now: dt.datetime) -> dict[int, TaskContext]:
    """The :class:`TaskContext` of every task in ``task_ids`` (draft tasks are skipped), in nine
    queries whatever their number."""
    ids = list(task_ids)
    today = timezone.localdate(now)
    tasks = list(
        Task.objects.filter(pk__in=ids)
        .exclude(status=LedgerStatus.DRAFT)
        .values(
            "pk",
            "policy_id",
            "ref",
            "text",
            "status",
            "progress",
            "assigned_at",
            "created_at",
            "closed_at",
            "deadline_kind",
            "deadline_year",
            "deadline_month",
        )
    )
    ids = [t["pk"] for t in tasks]
    if not ids:
        return {}
    policy_ids = {t["policy_id"] for t in tasks}
    settings = dict(RuleSettings.objects.filter(policy_id__in=policy_ids).values_list("policy_id", "values"))
    configs: dict[int, RuleConfig] = {}
    cadences: dict[int, str] = {}
    for pk, cadence in Policy.objects.filter(pk__in=policy_ids).values_list("pk", "report_cadence"):
        cadences[pk] = cadence
        configs[pk] = policy_config(cadence, settings.get(pk))

    leads: dict[int, list[int]] = defaultdict(list)
    for task_id, unit_id in TaskAssignment.objects.filter(
        task_id__in=ids, role=AssignmentRole.LEAD
    ).values_list("task_id", "unit_id"):
        leads[task_id].append(unit_id)

    reports: dict[tuple[int, str], tuple[dt.date | None, str]] = {}
    for task_id, unit_id, period, status, submitted_at in ProgressReport.objects.filter(
        task_id__in=ids
    ).values_list("task_id", "unit_id", "period", "status", "submitted_at"):
        if unit_id not in leads.get(task_id, ()):
            continue
        submitted = timezone.localdate(submitted_at) if submitted_at and status in _SUBMITTED else None
        known = reports.get((task_id, period))
        if known is None or (submitted and (known[0] is None or submitted < known[0])):
            reports[(task_id, period)] = (submitted, status)

    returns = _consecutive_returns(ids)
    progress_changes = _last_progress_change(ids)
    notices: dict[int, list[NoticeFact]] = defaultdict(list)
    for task_id, due_on, answered_at, closed_at in SupervisionNotice.objects.filter(
        task_id__in=ids
    ).values_list("task_id", "due_on", "answered_at", "closed_at"):
        answered = answered_at or closed_at
        notices[task_id].append(
            NoticeFact(due_on=due_on, answered_on=timezone.localdate(answered) if answered else None)
        )
    pending = set(
        ExtensionRequest.objects.filter(task_id__in=ids, status=ExtensionStatus.PENDING).values_list(
            "task_id", flat=True
        )
    )

    out: dict[int, TaskContext] = {}
    for t in tasks:
        pk = t["pk"]
        assigned = timezone.localdate(t["assigned_at"] or t["created_at"])
        deadline = deadline_date(t["deadline_kind"], t["deadline_year"], t["deadline_month"])
        if deadline is not None and deadline < assigned:
            # A task imported after its deadline: the schedule starts at the deadline itself.
            assigned = deadline
        report_facts: list[ReportFact] = []
        next_due: tuple[str, dt.date] | None = None
        for label, due_on in report_periods(cadences[t["policy_id"]], assigned, today):
            submitted, status = reports.get((pk, label), (None, ""))
            outcome = {
                ReportStatus.ACCEPTED: ReportOutcome.ACCEPTED,
                ReportStatus.RETURNED: ReportOutcome.RETURNED,
            }.get(status, ReportOutcome.PENDING)  # type: ignore[call-overload]
            report_facts.append(ReportFact(due_on=due_on, submitted_on=submitted, outcome=outcome))
            if submitted is None and next_due is None:
                next_due = (label, due_on)
        closed = t["status"] == LedgerStatus.CLOSED
        facts = TaskFacts(
            assigned_at=assigned,
            deadline=deadline,
            ongoing=t["deadline_kind"] == DeadlineKind.ONGOING,
            closed=closed,
            closed_at=timezone.localdate(t["closed_at"]) if t["closed_at"] else None,
            progress_percent=int(t["progress"]),
            reports=tuple(report_facts),
            consecutive_returns=returns.get(pk, 0),
            last_progress_change=progress_changes.get(pk),
            notices=tuple(notices.get(pk, ())),
            extension_pending=pk in pending,
        )
        out[pk] = TaskContext(
            task_id=pk,
            policy_id=t["policy_id"],
            ref=t["ref"],
            text=t["text"],
            facts=facts,
            config=configs[t["policy_id"]],
            lead_unit_ids=tuple(leads.get(pk, ())),
            next_due=None if closed else next_due,
        )
    return out

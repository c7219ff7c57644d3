"""The only way code gets ledger objects for a user.

Rules (docs/permissions.md): administrators, the supervisor and viewers read every task and
report; a unit leader or officer reads the tasks his unit leads or helps with (once assigned), the
reports of his unit, and the reports of tasks his unit helps with (to add contributions). A row a
user may not read answers exactly as a missing one: Http404. A readable row the user may not
change (``for_write=True``) answers PermissionDenied.

Whether a person may take an action on a task or report now is one ``can_<verb>_<noun>(user, obj)``
per action, answering a :class:`~taizhang.accounts.access.Decision`: the action calls it and
refuses with ``.check()``; the task page calls it to show the action's button. They read only the
object and its task's assignments (``task.assignments.all()``, prefetched by the page).
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext

from taizhang.accounts.access import (
    ALLOWED,
    Decision,
    Person,
    is_steering,
    missing,
    refused,
    refused_now,
    role_of,
    sees_everything,
    steering_decision,
    unit_id_of,
)
from taizhang.accounts.models import UNIT_ROLES, Role
from taizhang.policies.models import Policy, PolicyStatus

from .models import (
    FROZEN_REPORT_STATUSES,
    AssignmentRole,
    Attachment,
    ExtensionRequest,
    ExtensionStatus,
    ProgressReport,
    ReportStatus,
    Task,
    TaskAssignment,
    TaskStatus,
)

__all__ = [
    "visible_policies",
    "access_policy",
    "open_work_of",
    "visible_tasks",
    "visible_reports",
    "visible_history",
    "access_task",
    "access_report",
    "access_extension",
    "OPEN_STATUSES",
    "can_edit_task",
    "can_reassign_task",
    "can_acknowledge_task",
    "can_return_task",
    "can_request_extension",
    "can_decide_extension",
    "can_create_report",
    "can_edit_report",
    "can_submit_report",
    "can_approve_report",
    "can_return_report_to_officer",
    "can_accept_report",
    "can_return_report",
    "can_add_contribution",
    "can_add_attachment",
    "can_delete_attachment",
    "can_close_task",
    "can_import_ledger_workbook",
    "closing_report",
]

#: A task a unit works on: assigned (交办), acknowledged (签收) or in progress.
OPEN_STATUSES = (TaskStatus.ASSIGNED, TaskStatus.ACKNOWLEDGED, TaskStatus.IN_PROGRESS)

M = TypeVar("M", bound=QuerySet[Any])


def visible_tasks(queryset: M, user: Any) -> M:
    """Filter ``queryset`` of tasks down to those ``user`` may read."""
    if sees_everything(user):
        return queryset
    unit_id = unit_id_of(user)
    if unit_id is None:
        return queryset.none()
    mine = TaskAssignment.objects.filter(task=OuterRef("pk"), unit_id=unit_id)
    return queryset.filter(Exists(mine)).exclude(status=TaskStatus.DRAFT)


def visible_reports(queryset: M, user: Any) -> M:
    """Filter ``queryset`` of reports down to those ``user`` may read."""
    if sees_everything(user):
        return queryset
    unit_id = unit_id_of(user)
    if unit_id is None:
        return queryset.none()
    helping = TaskAssignment.objects.filter(task=OuterRef("task_id"), unit_id=unit_id)
    return queryset.filter(unit_id=unit_id) | queryset.filter(Exists(helping))


#: History rows about the task itself, its policy and supervision: everyone who reads the task.
SHARED_HISTORY = ("ledger.task", "ledger.metric", "ledger.taskassignment", "policies.", "supervision.")


def visible_history(queryset: M, user: Any, task: Task) -> M:
    """Filter ``queryset`` of ``task``'s history rows down to those ``user`` may read (the task's
    page and the API's history). Readers of everything read every row. A unit's person, who reads
    the task, reads the rows about the task, its policy and its supervision, and a row about a
    report, a contribution or an evidence file only if he may read the report (``visible_reports``),
    and a row about an extension request only if his unit asked for it (``access_extension``): a
    unit-private row (another lead unit's extension reason, another unit's report after a
    reassignment, enterprise service rows) is not shown to a unit that is not party to it."""
    if sees_everything(user):
        return queryset
    unit_id = unit_id_of(user)
    if unit_id is None:
        return queryset.none()
    reports = list(
        visible_reports(ProgressReport.objects.filter(task_id=task.pk), user).values_list("pk", flat=True)
    )
    shared = Q(object_type__in=[t for t in SHARED_HISTORY if not t.endswith(".")])
    for prefix in (t for t in SHARED_HISTORY if t.endswith(".")):
        shared |= Q(object_type__startswith=prefix)
    own_extensions = ExtensionRequest.objects.filter(task_id=task.pk, unit_id=unit_id).values("pk")
    return queryset.filter(
        shared
        | Q(object_type="ledger.progressreport", object_id__in=reports)
        | (
            Q(object_type__in=("ledger.reportcontribution", "ledger.attachment"))
            & (Q(after__report__in=reports) | Q(before__report__in=reports))
        )
        | Q(object_type="ledger.extensionrequest", object_id__in=own_extensions)
    )


def _writes_task(user: Person, task: Task) -> bool:
    if is_steering(user):
        return True
    if role_of(user) in UNIT_ROLES:
        return task.assignments.filter(unit_id=unit_id_of(user)).exists()
    return False


def access_task(user: Person, task_id: Any, for_write: bool = False) -> Task:
    """The task ``task_id`` if ``user`` may read it (and act on it, with ``for_write``); else 404/403."""
    try:
        task = visible_tasks(Task.objects.select_related("policy", "measure"), user).get(pk=int(task_id))
    except (Task.DoesNotExist, TypeError, ValueError):
        raise Http404(gettext("No such task")) from None
    if for_write and not _writes_task(user, task):
        raise PermissionDenied(gettext("You may only view this task"))
    return task


def access_report(user: Person, report_id: Any, for_write: bool = False) -> ProgressReport:
    """The report ``report_id`` if ``user`` may read it; with ``for_write`` only the supervisor
    or people of the report's own unit. Another unit's report answers 404 (or 403 when a co-unit
    may read but not change it)."""
    try:
        report = visible_reports(
            ProgressReport.objects.select_related("task", "task__policy", "unit"), user
        ).get(pk=int(report_id))
    except (ProgressReport.DoesNotExist, TypeError, ValueError):
        raise Http404(gettext("No such progress report")) from None
    if for_write and not (
        is_steering(user) or (role_of(user) in UNIT_ROLES and unit_id_of(user) == report.unit_id)
    ):
        raise PermissionDenied(gettext("You cannot change another unit's progress report"))
    return report


def access_extension(user: Person, request_id: Any, for_write: bool = False) -> ExtensionRequest:
    """The extension request ``request_id`` if its task is readable by ``user``; writing (deciding)
    is for the supervisor only."""
    try:
        ext = ExtensionRequest.objects.select_related("task").get(pk=int(request_id))
    except (ExtensionRequest.DoesNotExist, TypeError, ValueError):
        raise Http404(gettext("No such extension request")) from None
    if not visible_tasks(Task.objects.filter(pk=ext.task_id), user).exists():
        raise Http404(gettext("No such extension request"))
    if not sees_everything(user) and ext.unit_id != unit_id_of(user):
        raise Http404(gettext("No such extension request"))
    if for_write and not is_steering(user):
        raise PermissionDenied(gettext("Only the supervisor may decide on extension requests"))
    return ext


# ---------------------------------------------------------------------------------------------
# May this person do it (docs/permissions.md)


def _mine(user: Person, task: Task) -> TaskAssignment | None:
    """The assignment of the user's unit on ``task`` (a unit leader or officer), else None."""
    if role_of(user) not in UNIT_ROLES:
        return None
    unit_id = unit_id_of(user)
    return next((a for a in task.assignments.all() if a.unit_id == unit_id), None)


def _unit_person(user: Person, task: Task, what: str) -> tuple[TaskAssignment | None, Decision]:
    mine = _mine(user, task)
    if mine is None:
        return None, refused(gettext("Only the units assigned to the task may %(action)s") % {"action": what})
    return mine, ALLOWED


def _own_report(user: Person, report: ProgressReport, role: Role, what: str) -> Decision:
    if role_of(user) != role or unit_id_of(user) != report.unit_id:
        return refused(
            gettext("Only the unit's %(role)s may %(action)s")
            % {"role": str(role.label).lower(), "action": what}
        )
    return ALLOWED


def _still_lead(report: ProgressReport, what: str) -> Decision:
    """A report answers for its task only while its unit still leads the task: once the task is
    reassigned away from the unit (重新交办), the unit's report is no longer worked on, submitted,
    approved, given evidence or accepted. Reads the task's (prefetched) assignments."""
    task = report.task
    if any(a.unit_id == report.unit_id and a.role == AssignmentRole.LEAD for a in task.assignments.all()):
        return ALLOWED
    return refused_now(
        "task",
        gettext(
            "Task %(task)s was reassigned and %(unit)s no longer leads it: this report is closed, you can no longer %(action)s"
        )
        % {"task": task.label, "unit": report.unit.name, "action": what},
    )


def can_edit_task(user: Person, task: Task) -> Decision:
    """The supervisor edits a task's text, reference, weight (deadline: see the action) until it is closed."""
    decision = steering_decision(user, gettext("change tasks"))
    if decision and task.status == TaskStatus.CLOSED:
        return refused_now(
            "status", gettext("Task %(task)s is closed and cannot be changed") % {"task": task.label}
        )
    return decision


def can_reassign_task(user: Person, task: Task) -> Decision:
    """The supervisor names a task's units anew until it is closed."""
    decision = steering_decision(user, gettext("reassign tasks"))
    if decision and task.status == TaskStatus.CLOSED:
        return refused_now("status", gettext("A closed task cannot be reassigned"))
    return decision


def can_correct_task(user: Person, task: Task) -> Decision:
    """The supervisor corrects an assigned task's deadline or lead unit after 交办 (with a reason,
    told to the units); before 交办 the review screen edits drafts, and a unit asks an extension."""
    decision = steering_decision(user, gettext("correct the deadline or the lead unit"))
    if decision and task.status == TaskStatus.DRAFT:
        return refused_now("status", gettext("Change a draft task on the review page"))
    if decision and task.status == TaskStatus.CLOSED:
        return refused_now("status", gettext("A closed task cannot be corrected"))
    return decision


def can_acknowledge_task(user: Person, task: Task) -> Decision:
    """A leader or officer of a unit named on an open task acknowledges (签收) it, once."""
    mine, decision = _unit_person(user, task, gettext("acknowledge the task"))
    if mine is None:
        return decision
    if task.status not in OPEN_STATUSES:
        return refused_now(
            "status",
            gettext("The task is “%(status)s” and cannot be acknowledged")
            % {"status": task.get_status_display()},
        )
    if mine.acknowledged_at is not None:
        return refused_now("status", gettext("Your unit has acknowledged this task already"))
    return ALLOWED


def can_return_task(user: Person, task: Task) -> Decision:
    """A unit named on a task sends it back to the supervisor (不属于本单位职责), while it is open and
    the unit has not already sent it back."""
    mine, decision = _unit_person(user, task, gettext("return the task"))
    if mine is None:
        return decision
    if task.status not in (*OPEN_STATUSES, TaskStatus.RETURNED_TO_SUPERVISOR):
        return refused_now(
            "status",
            gettext("Task %(task)s is “%(status)s” and cannot be returned")
            % {"task": task.label, "status": task.get_status_display()},
        )
    if mine.returned_reason and mine.acknowledged_at is None:
        return refused_now("status", gettext("Your unit has returned this task already"))
    return ALLOWED


def can_request_extension(user: Person, task: Task) -> Decision:
    """The lead unit asks to move an open task's deadline, one pending request at a time."""
    mine, decision = _unit_person(user, task, gettext("ask for an extension"))
    if mine is None:
        return decision
    if mine.role != AssignmentRole.LEAD:
        return refused(gettext("Only the lead unit may ask for an extension"))
    if task.status not in OPEN_STATUSES:
        return refused_now(
            "status",
            gettext("Task %(task)s is “%(status)s”; no extension can be asked for")
            % {"task": task.label, "status": task.get_status_display()},
        )
    if any(e.status == ExtensionStatus.PENDING for e in task.extension_requests.all()):
        return refused_now(
            "task", gettext("This task already has an extension request waiting for a decision")
        )
    return ALLOWED


def can_decide_extension(user: Person, extension: ExtensionRequest) -> Decision:
    """The supervisor approves or refuses a pending extension request."""
    decision = steering_decision(user, gettext("decide on extension requests"))
    if decision and extension.status != ExtensionStatus.PENDING:
        return refused_now("status", gettext("This extension request has been decided already"))
    return decision


def _reportable(task: Task) -> Decision:
    if task.status not in OPEN_STATUSES:
        return refused_now(
            "task",
            gettext("The task is “%(status)s”; no progress can be reported")
            % {"status": task.get_status_display()},
        )
    return ALLOWED


def can_create_report(user: Person, task: Task, period: str | None = None) -> Decision:
    """An officer of the lead unit starts a report on an open task (for ``period``: one per period)."""
    if role_of(user) != Role.UNIT_OFFICER:
        return refused(gettext("Only an officer of the lead unit may write a progress report"))
    mine, decision = _unit_person(user, task, gettext("write a progress report"))
    if mine is None:
        return decision
    if mine.role != AssignmentRole.LEAD:
        return refused(gettext("A co-unit adds to the lead unit's report instead of reporting separately"))
    decision = _reportable(task)
    if decision and period is not None:
        if ProgressReport.objects.filter(task=task, unit_id=mine.unit_id, period=period).exists():
            return refused_now(
                "period",
                gettext("Your unit's report for %(period)s exists already; change that one")
                % {"period": period},
            )
    return decision


def can_edit_report(user: Person, report: ProgressReport) -> Decision:
    """The officer of the report's unit edits it while it is a draft or returned, its task open."""
    decision = _own_report(user, report, Role.UNIT_OFFICER, gettext("change the progress report"))
    if not decision:
        return decision
    if not report.is_editable:
        return refused_now(
            "status",
            gettext("The report is “%(status)s” and can no longer be changed")
            % {"status": report.get_status_display()},
        )
    return _reportable(report.task) and _still_lead(report, gettext("change it"))


def can_submit_report(user: Person, report: ProgressReport) -> Decision:
    """The officer of the report's unit submits a draft or returned report to the unit leader."""
    decision = _own_report(user, report, Role.UNIT_OFFICER, gettext("submit the progress report"))
    if decision and not report.is_editable:
        return refused_now(
            "status",
            gettext("The report is “%(status)s” and cannot be submitted")
            % {"status": report.get_status_display()},
        )
    return decision and _still_lead(report, gettext("submit it"))


def can_approve_report(user: Person, report: ProgressReport) -> Decision:
    """The leader of the report's unit approves a submitted report; it then reaches the supervisor."""
    decision = _own_report(user, report, Role.UNIT_LEADER, gettext("approve the unit's report"))
    if decision and report.status != ReportStatus.SUBMITTED:
        return refused_now(
            "status",
            gettext("The report is “%(status)s” and cannot be approved")
            % {"status": report.get_status_display()},
        )
    return decision and _still_lead(report, gettext("approve it"))


def can_return_report_to_officer(user: Person, report: ProgressReport) -> Decision:
    """The leader of the report's unit sends a submitted report back to the officer, with a reason."""
    decision = _own_report(user, report, Role.UNIT_LEADER, gettext("return the unit's report"))
    if decision and report.status != ReportStatus.SUBMITTED:
        return refused_now(
            "status",
            gettext("The report is “%(status)s” and cannot be returned to the officer")
            % {"status": report.get_status_display()},
        )
    return decision


def can_accept_report(user: Person, report: ProgressReport) -> Decision:
    """The supervisor accepts (采纳) a report its unit leader approved."""
    decision = steering_decision(user, gettext("accept progress reports"))
    if decision and report.status != ReportStatus.APPROVED_BY_LEADER:
        return refused_now(
            "status",
            gettext("The report is “%(status)s”; it can be accepted only after the unit leader approves it")
            % {"status": report.get_status_display()},
        )
    return decision and _still_lead(report, gettext("accept it"))


def can_return_report(user: Person, report: ProgressReport) -> Decision:
    """The supervisor returns (退回) a submitted or leader-approved report with comments."""
    decision = steering_decision(user, gettext("return progress reports"))
    if decision and report.status not in (ReportStatus.SUBMITTED, ReportStatus.APPROVED_BY_LEADER):
        return refused_now(
            "status",
            gettext("The report is “%(status)s” and cannot be returned")
            % {"status": report.get_status_display()},
        )
    return decision


def can_add_contribution(user: Person, report: ProgressReport) -> Decision:
    """A co-unit's leader or officer adds its part to the lead unit's report until the leader approves it."""
    mine, decision = _unit_person(user, report.task, gettext("add to the report"))
    if mine is None:
        return decision
    if mine.role != AssignmentRole.CO:
        return refused(gettext("Only a co-unit may add to a report"))
    if report.status not in (ReportStatus.DRAFT, ReportStatus.RETURNED, ReportStatus.SUBMITTED):
        return refused_now("status", gettext("The report is approved; nothing can be added to it any more"))
    return _still_lead(report, gettext("add to it"))


def _evidence_open(report: ProgressReport, what: str) -> Decision:
    if report.status in FROZEN_REPORT_STATUSES:
        return refused_now(
            "status",
            gettext("The report is “%(status)s” and its evidence is locked: you can no longer %(action)s")
            % {"status": report.get_status_display(), "action": what},
        )
    if not report.is_editable:
        return refused_now(
            "status",
            gettext("The report is “%(status)s”: you can no longer %(action)s")
            % {"status": report.get_status_display(), "action": what},
        )
    return _still_lead(report, what)


def can_add_attachment(user: Person, report: ProgressReport) -> Decision:
    """The officer of the report's unit attaches evidence while the report is a draft or returned;
    once its leader approved it (or the supervisor accepted it) its evidence is frozen."""
    decision = _own_report(user, report, Role.UNIT_OFFICER, gettext("upload evidence"))
    return decision and _evidence_open(report, gettext("add evidence"))


def can_delete_attachment(user: Person, attachment: Attachment) -> Decision:
    """The officer of the report's unit removes an evidence file while the report is a draft or
    returned (a wrong file); frozen, as attaching, once the leader approved the report."""
    report = attachment.report
    decision = _own_report(user, report, Role.UNIT_OFFICER, gettext("delete evidence"))
    return decision and _evidence_open(report, gettext("delete evidence"))


def closing_report(task: Task) -> ProgressReport | None:
    """The report a close (办结) rests on: the task's latest accepted report (by period, then review)."""
    return (
        task.reports.filter(status=ReportStatus.ACCEPTED)
        .select_related("task")
        .prefetch_related("attachments", "contributions")
        .order_by("-period", "-reviewed_at", "-pk")
        .first()
    )


def can_close_task(user: Person, task: Task) -> Decision:
    """The supervisor closes (办结) an open task when it has what a supervisor requires: its latest
    accepted report at 100 %, asking to close (申请办结, the lead unit's request, approved by its
    leader), with evidence attached, and an addition from every co-unit named on the task (a
    collective name such as 各街道办 is not asked). A refusal names everything missing."""
    decision = steering_decision(user, gettext("close tasks"))
    if not decision:
        return decision
    if task.status == TaskStatus.CLOSED:
        return refused_now("status", gettext("The task is closed"))
    if task.status not in OPEN_STATUSES:
        return refused_now(
            "status",
            gettext("Task %(task)s is “%(status)s” and cannot be closed")
            % {"task": task.label, "status": task.get_status_display()},
        )
    report = closing_report(task)
    gaps: list[tuple[str, str]] = []
    if report is None:
        gaps = [
            ("progress", gettext("no progress report accepted by the supervisor; progress is below 100%")),
            ("request", gettext("the lead unit has not asked for closing")),
            ("evidence", gettext("no evidence")),
        ]
        contributed: set[int] = set()
    else:
        if report.percent < 100:
            gaps.append(
                (
                    "progress",
                    gettext(
                        "the latest accepted report (%(period)s) puts progress at %(percent)s%%, below 100%%"
                    )
                    % {"period": report.period, "percent": report.percent},
                )
            )
        elif task.progress < 100:
            gaps.append(
                (
                    "progress",
                    gettext("task progress is %(progress)s%%, below 100%%") % {"progress": task.progress},
                )
            )
        if not report.requests_close:
            gaps.append(
                (
                    "request",
                    gettext(
                        "the lead unit did not ask for closing in the latest accepted report (%(period)s)"
                    )
                    % {"period": report.period},
                )
            )
        if not report.attachments.all():
            gaps.append(
                (
                    "evidence",
                    gettext("the latest accepted report (%(period)s) has no evidence")
                    % {"period": report.period},
                )
            )
        contributed = {c.unit_id for c in report.contributions.all()}
    silent = [
        a.unit
        for a in task.assignments.all()
        if a.role == AssignmentRole.CO and a.unit_id not in contributed and not a.unit.is_collective
    ]
    if silent:
        names = "、".join(u.name for u in silent)
        gaps.append(
            (
                "contributions",
                gettext("co-units %(names)s have not added to the report asking for closing")
                % {"names": names},
            )
        )
    return missing(gaps, gettext("Before closing, still missing: "))


def can_import_ledger_workbook(user: Person, workbook: Any = None) -> Decision:
    """The supervisor re-imports an exported ledger workbook (its changes go through the task actions)."""
    return steering_decision(user, gettext("import the ledger"))


def open_work_of(person: Any, unit: Any, uncovered: Role | None) -> dict[str, list[Any]]:
    """The ledger's part of ``person``'s open work (accounts.access.open_work, through
    ``LedgerConfig.open_work_of``): the reports they started, still draft or returned; their
    unit's submitted reports when they are its only leader; their pending extension requests."""
    from .models import ExtensionRequest, ExtensionStatus, ProgressReport, ReportStatus

    reports = ProgressReport.objects.select_related("task", "unit")
    drafts = list(
        reports.filter(created_by=person, status__in=[ReportStatus.DRAFT, ReportStatus.RETURNED]).order_by(
            "pk"
        )
    )
    awaiting: list[Any] = []
    if uncovered == Role.UNIT_LEADER and unit is not None:
        awaiting = list(reports.filter(unit=unit, status=ReportStatus.SUBMITTED).order_by("pk"))
    extensions = list(
        ExtensionRequest.objects.select_related("task")
        .filter(requested_by=person, status=ExtensionStatus.PENDING)
        .order_by("pk")
    )
    return {"drafts": drafts, "awaiting_approval": awaiting, "extensions": extensions}


def visible_policies(queryset: M, user: Any) -> M:
    """Policies ``user`` may read: all for readers-of-everything; published ones with a task of
    the unit for unit people."""
    if sees_everything(user):
        return queryset
    unit_id = unit_id_of(user)
    if unit_id is None:
        return queryset.none()
    mine = TaskAssignment.objects.filter(task__policy=OuterRef("pk"), unit_id=unit_id)
    return queryset.filter(Exists(mine), status=PolicyStatus.PUBLISHED)


def access_policy(user: Person, policy_id: Any, for_write: bool = False) -> Policy:
    """The policy ``policy_id`` if ``user`` may read it; writing is for the supervisor (404/403)."""
    try:
        policy = visible_policies(Policy.objects.all(), user).get(pk=int(policy_id))
    except (Policy.DoesNotExist, TypeError, ValueError):
        raise Http404(gettext("No such policy document")) from None
    if for_write and not is_steering(user):
        raise PermissionDenied(gettext("Only the supervisor may change policy documents"))
    return policy
